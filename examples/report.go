package main

import "runtime"

func deep(n int) int {
	var pad [8]int
	pad[0] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[0] - n + 1
}

func worker(in chan int, out chan int) {
	for v := range in {
		out <- v + deep(v)
	}
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go worker(in, out)
	go worker(in, out)
	s := 0
	for i := 0; i < 20; i++ {
		in <- i * 40
		s += <-out
	}
	close(in)
	println(s, deep(1500))
	runtime.GC()
}
