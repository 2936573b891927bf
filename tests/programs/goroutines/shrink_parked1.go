package main

// Goroutines grow their stacks to about 1 MB with a 5000-deep recursion that
// keeps a local array in every frame, return, and park on a channel 20 calls
// deep while pointers to their callers' locals are live. runtime.GC() runs
// three times while they are parked, halving their stacks each time (they use
// far less than a quarter); then values are sent into the parked receivers
// and the results are checked (any corruption makes the sum differ from 72).

import "runtime"

const workers = 8

var m runtime.MemStats

func deep(n int, seed int) int {
	var a [8]int
	for i := 0; i < 8; i++ {
		a[i] = seed + n*i
	}
	if n == 0 {
		return a[7]
	}
	return deep(n-1, seed) + a[0] + a[7] - seed - seed - 7*n
}

func park(n int, p *int, in chan int) int {
	var a [4]int
	a[0], a[3] = n, *p
	if n == 0 {
		v := <-in
		*p = *p + v
		return v
	}
	q := *p + 1
	v := park(n-1, &q, in)
	*p = q - 1
	return v + a[3] + v - *p + a[0] - n
}

func worker(id int, ready chan int, in chan int, out chan int) {
	check := deep(5000, id)
	x := id * 100
	ready <- id
	v := park(20, &x, in)
	if check != id || x != id*100+v {
		v = -1000000
	}
	out <- v + id
}

func main() {
	ready, in, out := make(chan int), make(chan int), make(chan int)
	runtime.ReadMemStats(&m)
	start := m.StackInuse
	for i := 1; i <= workers; i++ {
		go worker(i, ready, in, out)
	}
	ids := 0
	for i := 0; i < workers; i++ {
		ids += <-ready
	}
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	println("ready:", ids, "goroutines:", runtime.NumGoroutine())
	println("grew by >= 8 x 512 KB:", before-start >= workers*512*1024)
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	println("shrank below a quarter:", m.StackInuse < before/4)
	for v := 1; v <= workers; v++ {
		in <- v
	}
	sum := 0
	for i := 0; i < workers; i++ {
		sum += <-out
	}
	println("sum:", sum)
}
