package main

// A panic in a goroutine kills the program even though main has deferred
// calls (they do not run): "panic: worker 2 failed", exit 2. wg.Done is not
// deferred, so main stays blocked in Wait while worker 2 panics.

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, results chan<- string) {
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
	results <- fmt.Sprint("worker ", id, " ok")
	wg.Done()
}

func main() {
	defer fmt.Println("main deferred: not printed")
	results := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, &wg, results)
	wg.Wait()
	fmt.Println(<-results)
	wg.Add(1)
	go worker(2, &wg, results)
	wg.Wait()
	fmt.Println("not reached")
}
