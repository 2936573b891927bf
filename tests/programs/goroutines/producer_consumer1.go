package main

// A buffered channel of a small struct type between 3 producers and 2
// consumers. Each producer sends 100 items {producer, seq, value}; each
// consumer adds up what it receives into its own slot of a global array
// (no sharing between consumers) and checks per-producer FIFO order. A
// WaitGroup for the producers lets a closer goroutine close the channel;
// a second WaitGroup waits for the consumers. Only totals are printed,
// never which consumer got what.

import "sync"

type item struct {
	producer int
	seq      int
	value    int
}

const perProducer = 100

var counts [2]int
var sums [2]int
var byProducer [2][3]int
var outOfOrder [2]int

func producer(p int, ch chan<- item, wg *sync.WaitGroup) {
	for s := 0; s < perProducer; s++ {
		ch <- item{p, s, (p+1)*1000 + s}
	}
	wg.Done()
}

func consumer(c int, ch <-chan item, wg *sync.WaitGroup) {
	var last [3]int
	for i := 0; i < 3; i++ {
		last[i] = -1
	}
	for it := range ch {
		if it.seq <= last[it.producer] {
			outOfOrder[c]++
		}
		last[it.producer] = it.seq
		counts[c]++
		sums[c] += it.value
		byProducer[c][it.producer] += it.value
	}
	wg.Done()
}

func closer(wg *sync.WaitGroup, ch chan item) {
	wg.Wait()
	close(ch)
}

func main() {
	ch := make(chan item, 8)
	println("len:", len(ch), "cap:", cap(ch))
	var pwg, cwg sync.WaitGroup
	cwg.Add(2)
	for c := 0; c < 2; c++ {
		go consumer(c, ch, &cwg)
	}
	pwg.Add(3)
	for p := 0; p < 3; p++ {
		go producer(p, ch, &pwg)
	}
	go closer(&pwg, ch)
	cwg.Wait()
	println("items:", counts[0]+counts[1])
	println("total:", sums[0]+sums[1])
	for p := 0; p < 3; p++ {
		println("producer", p, "total:", byProducer[0][p]+byProducer[1][p])
	}
	println("out of order:", outOfOrder[0]+outOfOrder[1])
	_, ok := <-ch
	println("closed:", !ok)
}
