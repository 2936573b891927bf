package main

// sync.RWMutex under contention: 6 writers add 2 to a counter in two steps
// under Lock, 500 times each, while 4 readers read it 500 times each under
// RLock and count odd values (never seen, since a reader cannot run
// between a writer's two steps). Passed as *sync.RWMutex.

import "sync"

var counter int

func writer(rw *sync.RWMutex, steps int, done chan<- int) {
	for i := 0; i < steps; i++ {
		rw.Lock()
		counter += 1
		counter += 1
		rw.Unlock()
	}
	done <- 0
}

func reader(rw *sync.RWMutex, done chan<- int) {
	odd := 0
	for i := 0; i < 500; i++ {
		rw.RLock()
		odd += counter % 2
		rw.RUnlock()
	}
	done <- odd
}

func main() {
	var rw sync.RWMutex
	done := make(chan int)
	for i := 0; i < 6; i++ {
		go writer(&rw, 500, done)
		if i < 4 {
			go reader(&rw, done)
		}
	}
	odd := 0
	for i := 0; i < 10; i++ {
		odd += <-done
	}
	println("counter:", counter, "odd values seen by readers:", odd)
	rw.RLock()
	rw.RLock()
	println("two read locks held by main at once")
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	println("write lock after both released")
	rw.Unlock()
}
