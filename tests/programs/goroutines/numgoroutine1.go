package main

// runtime.NumGoroutine before, while 10 goroutines are parked on a channel,
// and after they have been released and have exited (main polls with
// runtime.Gosched until the count drops, since wg.Wait returns before the
// goroutines that called Done have actually exited).

import (
	"runtime"
	"sync"
)

func parked(release chan bool, wg *sync.WaitGroup) {
	<-release
	wg.Done()
}

func main() {
	println("before:", runtime.NumGoroutine())
	release := make(chan bool)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go parked(release, &wg)
	}
	println("while parked:", runtime.NumGoroutine())
	close(release)
	wg.Wait()
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	println("after:", runtime.NumGoroutine())
}
