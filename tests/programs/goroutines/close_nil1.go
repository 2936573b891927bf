package main

// close of a nil channel panics ("close of nil channel"). A global channel
// that was never made is nil; len and cap of a nil channel are 0.

var ch chan int

//go:noinline
func shutdown(c chan int) {
	close(c)
}

func main() {
	println("nil:", ch == nil, "len", len(ch), "cap", cap(ch))
	shutdown(ch)
	println("not reached")
}
