package main

// time.After as a timeout: a slow producer answers after 500 ms, so a select
// with a 10 ms time.After times out first; a fast producer answers after
// 10 ms, so a select with a 500 ms time.After gets the value. Then the
// timed-out value is picked up late with a plain receive. The durations are
// far apart, so the outcome does not depend on scheduling.

import "time"

func producer(d time.Duration, v int, out chan<- int) {
	time.Sleep(d)
	out <- v
}

func main() {
	slow := make(chan int, 1)
	go producer(500*time.Millisecond, 1, slow)
	select {
	case v := <-slow:
		println("slow producer answered:", v)
	case <-time.After(10 * time.Millisecond):
		println("timed out waiting for the slow producer")
	}

	fast := make(chan int)
	go producer(10*time.Millisecond, 2, fast)
	select {
	case v := <-fast:
		println("fast producer answered:", v)
	case <-time.After(500 * time.Millisecond):
		println("timed out waiting for the fast producer")
	}

	println("slow producer's value, late:", <-slow)

	timeouts := 0
	for i := 0; i < 3; i++ {
		select {
		case v := <-fast:
			println("unexpected", v)
		case <-time.After(5 * time.Millisecond):
			timeouts++
		}
	}
	println("timeouts with nobody sending:", timeouts)
}
