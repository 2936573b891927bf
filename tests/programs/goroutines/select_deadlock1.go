package main

// select {} blocks forever. A helper goroutine has sent its value and
// returned, so no goroutine is left that could run: the runtime reports a
// deadlock and shows goroutine 1 in [select (no cases)].

func helper(out chan<- int) {
	out <- 1
}

func main() {
	out := make(chan int)
	go helper(out)
	println("helper sent", <-out)
	println("blocking in an empty select")
	select {}
}
