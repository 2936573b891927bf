package main

// os.Exit called from a nested function and inside a loop, with code 0 after
// output to both streams; the remaining iterations never run.

import (
	"fmt"
	"os"
)

func check(i int) {
	if i == 3 {
		fmt.Println("exiting at", i)
		os.Exit(0)
	}
}

func main() {
	for i := 0; i < 10; i++ {
		fmt.Println("iteration", i)
		fmt.Fprintf(os.Stderr, "log %d\n", i)
		check(i)
	}
	os.Exit(1)
}
