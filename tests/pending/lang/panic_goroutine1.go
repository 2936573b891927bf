package main

// A panic in a goroutine kills the program even though main has deferred
// calls (they do not run): "panic: worker 2 failed", exit 2. Both workers are
// started before main first blocks (as in goroutines/go_panic1, so their
// goroutine numbers are consecutive); wg.Done is not deferred, so main stays
// blocked in Wait while worker 2 panics.

import (
	"fmt"
	"sync"
)

func worker(id int, start <-chan bool, wg *sync.WaitGroup, results chan<- string) {
	<-start
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
	results <- fmt.Sprint("worker ", id, " ok")
	wg.Done()
}

func main() {
	defer fmt.Println("main deferred: not printed")
	results := make(chan string, 1)
	start1 := make(chan bool)
	start2 := make(chan bool)
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(1, start1, &wg, results)
	go worker(2, start2, &wg, results)
	start1 <- true
	fmt.Println(<-results)
	start2 <- true
	wg.Wait()
	fmt.Println("not reached")
}
