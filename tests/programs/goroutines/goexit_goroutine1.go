package main

// runtime.Goexit in a goroutine ends that goroutine only: the code after
// the Goexit call (in the function that called it and in its callers) never
// runs, and the program continues. Each worker reports on a channel before
// calling Goexit two frames down; main then polls until only it is left.

import "runtime"

var reached int

//go:noinline
func leave(depth int) {
	if depth == 0 {
		runtime.Goexit()
	}
	leave(depth - 1)
	reached++
}

func worker(id int, report chan<- int) {
	report <- id * id
	leave(id)
	reached++
	println("not reached")
}

func main() {
	report := make(chan int)
	for i := 0; i < 5; i++ {
		go worker(i, report)
	}
	sum := 0
	for i := 0; i < 5; i++ {
		sum += <-report
	}
	println("reports summed:", sum)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	println("goroutines left:", runtime.NumGoroutine())
	println("code after Goexit ran", reached, "times")
	println("main continues")
}
