package main

// Non-blocking channel operations: a select with one case and a default.
// Sends and receives on unbuffered channels with nobody waiting take the
// default; a buffered channel accepts sends until it is full and gives
// values until it is empty; a receiver parked on an unbuffered channel
// makes a non-blocking send succeed (main polls until it does).

func receiver(ch chan int, got chan int) {
	got <- <-ch * 10
}

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return -1, false
	}
}

func main() {
	un := make(chan int)
	println("send on unbuffered, no receiver:", trySend(un, 1))
	v, ok := tryRecv(un)
	println("recv on unbuffered, no sender:", v, ok)

	buf := make(chan int, 3)
	for i := 1; i <= 5; i++ {
		println("send", i, "->", trySend(buf, i), "len", len(buf))
	}
	for i := 0; i < 5; i++ {
		v, ok := tryRecv(buf)
		println("recv ->", v, ok, "len", len(buf))
	}

	got := make(chan int)
	go receiver(un, got)
	for !trySend(un, 7) {
	}
	println("non-blocking send reached the parked receiver:", <-got)

	select {
	default:
		println("select with only a default runs the default")
	}
}
