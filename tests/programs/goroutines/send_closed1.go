package main

// Send on a closed channel panics ("send on closed channel"), even when
// the channel still has room in its buffer.

func producer(ch chan int) {
	for i := 1; i <= 3; i++ {
		ch <- i
	}
	close(ch)
}

//go:noinline
func sendMore(ch chan int, v int) {
	ch <- v
}

func main() {
	ch := make(chan int, 5)
	go producer(ch)
	for v := range ch {
		println("got", v)
	}
	println("closed; len", len(ch), "cap", cap(ch))
	sendMore(ch, 4)
	println("not reached")
}
