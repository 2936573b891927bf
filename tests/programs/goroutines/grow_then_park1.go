package main

// 50 goroutines each recurse 2000 calls deep with a [32]int local array in
// every frame (their stacks grow to 1 MB), return to a shallow depth, report
// on a ready channel and park receiving on their own channel. With all of
// them parked, main calls runtime.GC() three times and checks through
// runtime.ReadMemStats that StackInuse fell (only true/false is printed).
// Then every goroutine gets a value, doubles it and sends it back; main
// prints the sum.

import "runtime"

const workers = 50

var m runtime.MemStats
var ins [workers]chan int

func deep(n int, seed int) int {
	var a [32]int
	for i := 0; i < 32; i++ {
		a[i] = seed + i*n
	}
	if n == 0 {
		return a[31]
	}
	return deep(n-1, seed) + a[1] - a[0] - n
}

func worker(id int, in chan int, ready chan int, out chan int) {
	check := deep(2000, id)
	ready <- id
	v := <-in
	if check != id {
		v = -1000000
	}
	out <- v * 2
}

func main() {
	ready, out := make(chan int), make(chan int)
	for i := 0; i < workers; i++ {
		ins[i] = make(chan int)
		go worker(i, ins[i], ready, out)
	}
	ids := 0
	for i := 0; i < workers; i++ {
		ids += <-ready
	}
	println("ready:", ids, "goroutines:", runtime.NumGoroutine())
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	println("StackInuse fell:", m.StackInuse < before)
	for i := 0; i < workers; i++ {
		ins[i] <- i + 1
	}
	sum := 0
	for i := 0; i < workers; i++ {
		sum += <-out
	}
	println("sum:", sum)
}
