package main

// A builder goroutine makes, in each of 5 rounds, a linked list of `new`
// nodes (5000 nodes, values depending on the round) and sends the sum of the
// list on a channel; the list becomes garbage once the sum is sent. main
// receives each sum, calls runtime.GC() between rounds and prints the sums
// and whether MemStats.NumGC increased across the GC calls.

import "runtime"

type node struct {
	next *node
	v    int
}

const rounds = 5
const length = 5000

var m runtime.MemStats

func build(round int) *node {
	var head *node
	for i := 1; i <= length; i++ {
		n := new(node)
		n.v = i*round + 1
		n.next = head
		head = n
	}
	return head
}

func builder(next chan bool, sums chan int) {
	for r := 1; r <= rounds; r++ {
		<-next
		head := build(r)
		s, count := 0, 0
		for p := head; p != nil; p = p.next {
			s += p.v
			count++
		}
		if count != length {
			s = -1
		}
		sums <- s
	}
}

func main() {
	next := make(chan bool)
	sums := make(chan int)
	go builder(next, sums)
	total := 0
	for r := 1; r <= rounds; r++ {
		next <- true
		s := <-sums
		total += s
		runtime.ReadMemStats(&m)
		before := m.NumGC
		runtime.GC()
		runtime.ReadMemStats(&m)
		println("round", r, "sum:", s, "NumGC increased:", m.NumGC > before)
	}
	println("total:", total)
}
