package main

// A struct holding a sync.Mutex and a counter, passed by pointer to 50
// goroutines that each lock it, increment the counter and unlock 200 times.
// A WaitGroup waits for all of them; the counter must be 50*200 = 10000.

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

const goroutines = 50
const increments = 200

func incr(c *counter, wg *sync.WaitGroup) {
	for i := 0; i < increments; i++ {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
	}
	wg.Done()
}

func main() {
	c := new(counter)
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for i := 0; i < goroutines; i++ {
		go incr(c, &wg)
	}
	wg.Wait()
	c.mu.Lock()
	println("counter:", c.n, "expected:", goroutines*increments)
	c.mu.Unlock()
	var local counter
	wg.Add(goroutines)
	for i := 0; i < goroutines; i++ {
		go incr(&local, &wg)
	}
	wg.Wait()
	println("local counter:", local.n)
}
