package main

// main blocks in a select whose channels nobody will ever serve: a receive
// on one channel and a send on another (the goroutine that could have used
// them has returned). The runtime reports a deadlock with goroutine 1 in
// [select].

func helper(in <-chan int, done chan<- bool) {
	println("helper got", <-in)
	done <- true
}

func main() {
	in := make(chan int)
	out := make(chan int)
	done := make(chan bool)
	go helper(in, done)
	in <- 3
	<-done
	println("waiting in select")
	select {
	case v := <-out:
		println("not reached", v)
	case in <- 4:
		println("not reached")
	}
}
