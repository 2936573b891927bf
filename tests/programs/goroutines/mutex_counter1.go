package main

// A Mutex-protected counter incremented by 100 goroutines, 1000 times each:
// once through a global mutex and counter, once through a *sync.Mutex and
// an *int passed as arguments.

import "sync"

var mu sync.Mutex
var counter int

func incGlobal(n int, wg *sync.WaitGroup) {
	for i := 0; i < n; i++ {
		mu.Lock()
		counter++
		mu.Unlock()
	}
	wg.Done()
}

func incPtr(m *sync.Mutex, c *int, n int, wg *sync.WaitGroup) {
	for i := 0; i < n; i++ {
		m.Lock()
		*c = *c + 2
		m.Unlock()
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 100; g++ {
		wg.Add(1)
		go incGlobal(1000, &wg)
	}
	wg.Wait()
	println("global counter:", counter)

	var m sync.Mutex
	local := 0
	wg.Add(100)
	for g := 0; g < 100; g++ {
		go incPtr(&m, &local, 1000, &wg)
	}
	wg.Wait()
	println("counter through pointers:", local)
}
