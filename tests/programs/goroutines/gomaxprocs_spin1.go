package main

// With two Ps a goroutine that spins in a loop without calls cannot starve
// main, even where the runtime cannot preempt it (Go before 1.14, or
// GODEBUG=asyncpreemptoff=1): main runs on the other P. It sleeps, wakes,
// and exits while the spinner is still spinning.

import (
	"fmt"
	"runtime"
	"time"
)

var spins int

func main() {
	runtime.GOMAXPROCS(2)
	started := make(chan bool)
	go func() {
		started <- true
		for i := 0; ; i++ {
			spins = i
		}
	}()
	<-started
	for k := 1; k <= 3; k++ {
		time.Sleep(5 * time.Millisecond)
		fmt.Println("main woke", k)
	}
}
