package main

// Thread model: 1,000,000 calls of a 104-byte frame need about 107 MB; the
// main thread's stack is 8 MiB (RLIMIT_STACK), or --thread-stack, and cannot
// grow: the frame that reaches below it faults, as a C program's would.

func f(n int) int {
	var pad [8]int
	pad[n%8] = n
	if n == 0 {
		return 0
	}
	return f(n-1) + pad[n%8] - n + 1
}

func main() {
	println("start")
	println("depth", f(1000000))
}
