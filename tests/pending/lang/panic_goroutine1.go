package main

// A panic in a goroutine kills the program even though main has deferred
// calls (they do not run): "panic: worker 2 failed", exit 2.

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, results chan<- string) {
	defer wg.Done()
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
	results <- fmt.Sprint("worker ", id, " ok")
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
