package main

// Deadlock: after a helper goroutine has sent its one value and exited, main
// blocks receiving from a channel nobody will ever send on. The runtime
// reports "all goroutines are asleep - deadlock!" and exits with status 2.

func helper(ch chan int) {
	ch <- 42
}

func main() {
	ch := make(chan int)
	go helper(ch)
	println("got", <-ch)
	println("waiting forever")
	<-ch
	println("not reached")
}
