package main

// runtime.Goexit in main: main's goroutine ends without the program
// exiting; the other goroutines keep running. When the last of them has
// finished, the runtime reports "no goroutines (main called
// runtime.Goexit) - deadlock!" and exits with status 2.

import (
	"runtime"
	"time"
)

func worker(id int, d time.Duration, next chan int) {
	time.Sleep(d)
	v := <-next
	println("worker", id, "runs after main's Goexit, got", v)
	next <- v + id
}

func main() {
	next := make(chan int, 1)
	go worker(1, 20*time.Millisecond, next)
	go worker(2, 60*time.Millisecond, next)
	next <- 100
	println("main calls Goexit")
	runtime.Goexit()
	println("not reached")
}
