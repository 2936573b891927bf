package main

// Deadlock with a WaitGroup: main waits for two goroutines, but one of them
// is blocked forever sending on a channel nobody receives from, so the count
// never reaches zero. The traceback shows main in semacquire and the sender
// in chan send. Both goroutines are started before main first blocks, so
// their goroutine numbers do not depend on which P main runs on afterwards.

import "sync"

func sender(ch chan int, wg *sync.WaitGroup) {
	ch <- 1
	wg.Done()
}

func finisher(wg *sync.WaitGroup) {
	wg.Done()
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go finisher(&wg)
	go sender(ch, &wg)
	println("waiting")
	wg.Wait()
	println("not reached")
}
