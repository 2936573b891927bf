package main

// Fan-in: five producers send into one shared channel; a WaitGroup tells a
// closer goroutine when all are done. Main checks that each producer's
// values arrive in that producer's order and prints per-producer totals in
// a fixed order.

import "sync"

const producers = 5
const perProducer = 20

func producer(id int, out chan<- int, wg *sync.WaitGroup) {
	for i := 0; i < perProducer; i++ {
		out <- id*1000 + i
	}
	wg.Done()
}

func closeWhenDone(wg *sync.WaitGroup, ch chan int) {
	wg.Wait()
	close(ch)
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(producers)
	for p := 1; p <= producers; p++ {
		go producer(p, ch, &wg)
	}
	go closeWhenDone(&wg, ch)
	var next [producers + 1]int
	var sums [producers + 1]int
	outOfOrder := 0
	total := 0
	for v := range ch {
		id, i := v/1000, v%1000
		if i != next[id] {
			outOfOrder++
		}
		next[id] = i + 1
		sums[id] += v
		total++
	}
	for p := 1; p <= producers; p++ {
		println("producer", p, "count", next[p], "sum", sums[p])
	}
	println("total:", total, "out of order:", outOfOrder)
}
