package main

// A buffered channel of capacity 3 used as a counting semaphore around a
// critical section that sleeps: at most 3 of the 12 goroutines are ever
// inside. Only the bound is printed (the exact maximum depends on timing).

import (
	"sync"
	"time"
)

var mu sync.Mutex
var active, maxActive, finished int

func task(id int, sem chan bool, wg *sync.WaitGroup) {
	sem <- true
	mu.Lock()
	active++
	if active > maxActive {
		maxActive = active
	}
	mu.Unlock()
	time.Sleep(2 * time.Millisecond)
	mu.Lock()
	active--
	finished++
	mu.Unlock()
	<-sem
	wg.Done()
}

func main() {
	sem := make(chan bool, 3)
	println("len:", len(sem), "cap:", cap(sem))
	sem <- true
	sem <- true
	println("len after two acquires:", len(sem))
	<-sem
	<-sem
	var wg sync.WaitGroup
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go task(i, sem, &wg)
	}
	wg.Wait()
	println("finished:", finished, "active:", active)
	println("max active <= 3:", maxActive <= 3, "max active >= 1:", maxActive >= 1)
	println("len at end:", len(sem))
}
