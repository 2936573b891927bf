package main

// debug.SetMaxStack returns the previous limit (1 GB); with a 1 MB limit
// a deep recursion overflows early.

import "runtime/debug"

func g(n int) int {
	if n == -1 {
		return 0
	}
	return g(n+1) + 1
}

func main() {
	old := debug.SetMaxStack(1 << 20)
	println("old max stack:", old)
	prev := debug.SetMaxStack(1 << 20)
	println("now:", prev)
	println(g(0))
}
