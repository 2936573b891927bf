package main

// runtime.GOMAXPROCS: setting it returns the previous value and GOMAXPROCS(0)
// reports the current one. Eight workers share four Ps, compute partial sums
// and send them on a channel; the total does not depend on the schedule.
// Going back to one P moves every goroutine onto it.

import (
	"fmt"
	"runtime"
	"sync"
)

func partial(lo, hi int) int {
	s := 0
	for i := lo; i < hi; i++ {
		s += i * i % 7
	}
	return s
}

func main() {
	runtime.GOMAXPROCS(4)
	fmt.Println("procs:", runtime.GOMAXPROCS(0))
	results := make(chan int, 8)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results <- partial(w*10000, (w+1)*10000)
		}(w)
	}
	wg.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("total:", total)
	fmt.Println("previous:", runtime.GOMAXPROCS(1))
	fmt.Println("procs:", runtime.GOMAXPROCS(0))
	done := make(chan int)
	for w := 0; w < 3; w++ {
		go func(w int) { done <- partial(0, 1000*(w+1)) }(w)
	}
	sum := 0
	for w := 0; w < 3; w++ {
		sum += <-done
	}
	fmt.Println("sum:", sum, "goroutines:", runtime.NumGoroutine())
	fmt.Println("previous:", runtime.GOMAXPROCS(3))
	fmt.Println("ignored:", runtime.GOMAXPROCS(-1), runtime.GOMAXPROCS(0))
}
