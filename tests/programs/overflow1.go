package main

// Infinite recursion with a small frame: the stack grows by doubling until
// the next size would exceed the 1 GB maximum, then the runtime reports
// "goroutine stack exceeds 1000000000-byte limit" / "fatal error: stack
// overflow" and exits with status 2.

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	println("start")
	println(f(0))
}
