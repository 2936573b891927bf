package main

// Thread model: 1,000 goroutines are 1,000 threads, each with its own 8 MiB
// stack and guard page mapped by pthread_create: 8 GB of address space
// reserved, of which each thread touches (commits) one 4 KiB page.

import "sync"

func work(wg *sync.WaitGroup, c chan int, i int) {
	c <- i
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	c := make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go work(&wg, c, i)
	}
	wg.Wait()
	n := len(c)
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += <-c
	}
	println("threads", n, "sum", sum)
}
