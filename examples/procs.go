package main

// Four workers on GOMAXPROCS Ps: run with --cpus 4 (or GOMAXPROCS=4) and
// --stats to see the Ms that ran them, each with its own g0 stack.

import (
	"fmt"
	"runtime"
	"sync"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println("CPUs:", runtime.NumCPU(), "Ps:", runtime.GOMAXPROCS(0))
	results := make([]int, 4)
	var wg sync.WaitGroup
	for w := range results {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results[w] = fib(18 + w)
		}(w)
	}
	wg.Wait()
	fmt.Println("results:", results)
}
