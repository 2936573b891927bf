package main

// A panic inside a goroutine ends the whole program while main is blocked on
// a receive: "panic: boom", the panicking goroutine's traceback ending in
// "created by main.main", exit status 2. Both workers are started before
// main first blocks, so their goroutine numbers do not depend on which P
// main runs on afterwards.

//go:noinline
func explode(n int) int {
	if n == 3 {
		panic("boom")
	}
	return n * 2
}

func worker(n int, start chan bool, results chan int) {
	<-start
	results <- explode(n)
}

func main() {
	start1 := make(chan bool)
	start3 := make(chan bool)
	results := make(chan int)
	go worker(1, start1, results)
	go worker(3, start3, results)
	start1 <- true
	println("first:", <-results)
	start3 <- true
	println("second:", <-results)
	println("not reached")
}
