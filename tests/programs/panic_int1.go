package main

// panic with an int value.

//go:noinline
func check(n int) {
	if n > 3 {
		panic(42)
	}
	println("ok", n)
}

func main() {
	for i := 0; i < 10; i++ {
		check(i)
	}
}
