package main

// runtime.NumGoroutine before 20 goroutines are started (1), while all of
// them are blocked on a channel (21), and after they have all finished:
// main waits on a WaitGroup, then loops on runtime.Gosched until
// NumGoroutine() == 1, because wg.Wait can return before the goroutines
// that called Done have exited.

import (
	"runtime"
	"sync"
)

const n = 20

var total int
var mu sync.Mutex

func blocked(id int, release chan int, started chan bool, wg *sync.WaitGroup) {
	started <- true
	v := <-release
	mu.Lock()
	total += v * id
	mu.Unlock()
	wg.Done()
}

func main() {
	println("before:", runtime.NumGoroutine())
	release := make(chan int)
	started := make(chan bool)
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 1; i <= n; i++ {
		go blocked(i, release, started, &wg)
	}
	for i := 0; i < n; i++ {
		<-started
	}
	println("while blocked:", runtime.NumGoroutine())
	for i := 0; i < n; i++ {
		release <- 2
	}
	wg.Wait()
	for runtime.NumGoroutine() != 1 {
		runtime.Gosched()
	}
	println("after:", runtime.NumGoroutine())
	println("total:", total)
}
