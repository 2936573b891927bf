package main

// Asynchronous preemption (Go 1.14+) of loops that make no call at all: with
// GOMAXPROCS=1, three goroutines spin forever in call-free loops (a counting
// loop with an inner loop, a range loop over a slice, an empty-bodied loop
// on a condition that never turns false). Without asynchronous preemption
// main would never run again; Go 1.19 stops the spinners at a safe point,
// so main wakes from its sleep, prints and exits.

import (
	"fmt"
	"runtime"
	"time"
)

var x, y, z int

func main() {
	runtime.GOMAXPROCS(1)
	go func() {
		for i := 0; ; i++ {
			if i%2 == 0 {
				x++
			}
			for j := 0; j < 10; j++ {
				y += j
			}
		}
	}()
	go func() {
		arr := []int{1, 2, 3}
		for {
			for _, v := range arr {
				z += v
			}
		}
	}()
	go func() {
		n := 1
		for n > 0 {
			n = n%1000 + 1
		}
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main ran again")
	time.Sleep(20 * time.Millisecond)
	fmt.Println("and again")
}
