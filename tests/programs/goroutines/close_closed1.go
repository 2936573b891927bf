package main

// close of a closed channel panics ("close of closed channel"): a goroutine
// closes the channel first, main notices through a comma-ok receive and then
// closes it again.

func closer(ch chan bool) {
	close(ch)
}

//go:noinline
func shutdown(c chan bool) {
	close(c)
}

func main() {
	ch := make(chan bool)
	go closer(ch)
	v, ok := <-ch
	println("received", v, ok)
	shutdown(ch)
	println("not reached")
}
