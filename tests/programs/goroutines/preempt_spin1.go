package main

// Preemption: two goroutines spin forever calling a small //go:noinline
// function, more spinners than Ps with GOMAXPROCS=1. main sleeps 1 ms and
// must still get to run again (the runtime preempts the spinners), print
// and exit, which ends the spinners. The spinners never print.

import "time"

var counters [2]int

//go:noinline
func step(x int) int {
	return x*3%1000003 + 1
}

func spin(id int, started chan<- bool) {
	started <- true
	x := 0
	for i := 0; ; i++ {
		x = step(x)
		counters[id] = i
		if x < 0 {
			println("never printed", x)
		}
	}
}

func main() {
	started := make(chan bool)
	go spin(0, started)
	go spin(1, started)
	<-started
	<-started
	time.Sleep(time.Millisecond)
	println("main done")
}
