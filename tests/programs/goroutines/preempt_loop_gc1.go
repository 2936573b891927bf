package main

// A goroutine runs a long loop with no calls, holding a pointer to a heap
// counter in a local variable, while main sleeps and forces garbage
// collections. The spinner is stopped at safe points inside the loop (Go
// 1.19: asynchronously), its frame is scanned there, and the counter it
// points to must survive every cycle. The result arrives at the end.

import (
	"fmt"
	"runtime"
	"time"
)

type counter struct {
	n    int
	name string
}

func spinner(n int, out chan<- int) {
	c := &counter{name: "spinner"}
	s := 0
	for i := 0; i < n; i++ {
		s += i % 7
		c.n++
	}
	out <- s + c.n
}

func main() {
	runtime.GOMAXPROCS(1)
	out := make(chan int)
	go spinner(1000000, out)
	for k := 0; k < 3; k++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
		fmt.Println("tick", k)
	}
	fmt.Println("result", <-out)
}
