package main

// Goroutines with closures, sync.WaitGroup and sync.Mutex: workers fill their
// own slot of a results slice (so output order is fixed), and a shared counter
// is protected by a mutex; printed after Wait.

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 8)
	var wg sync.WaitGroup
	var mu sync.Mutex
	counter := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			s := 0
			for k := 0; k <= id*100; k++ {
				s += k
			}
			results[id] = s
			mu.Lock()
			counter += id
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(results)
	fmt.Println("counter", counter)
}
