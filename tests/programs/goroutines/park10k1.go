package main

// 10000 goroutines each parked on one shared channel, then released one value
// at a time. Every goroutine gets its own 2 KB stack when it is created, so
// StackInuse grows by at least 10000*2048 bytes while they exist; only that
// fact and counts are printed.

import (
	"runtime"
	"sync"
)

const n = 10000

var mu sync.Mutex
var total int

func waiter(ch chan int, wg *sync.WaitGroup) {
	v := <-ch
	mu.Lock()
	total += v
	mu.Unlock()
	wg.Done()
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go waiter(ch, &wg)
	}
	println("goroutines:", runtime.NumGoroutine())
	runtime.ReadMemStats(&m)
	during := m.StackInuse
	println("grew by >= 10000*2048:", during-before >= n*2048)
	println("multiple of 32K:", during%32768 == 0)
	for i := 1; i <= n; i++ {
		ch <- i
	}
	wg.Wait()
	println("total:", total)
}
