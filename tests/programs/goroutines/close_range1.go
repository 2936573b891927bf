package main

// close + range: a producer sends 1..10 on an unbuffered channel and closes
// it; main's range loop ends after the last value. A buffered channel that
// is filled and closed still delivers its buffered values to range.

func produce(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i * 3
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go produce(10, ch)
	sum := 0
	for v := range ch {
		print(v, " ")
		sum += v
	}
	println()
	println("sum:", sum)

	buf := make(chan int, 5)
	for i := 0; i < 5; i++ {
		buf <- 100 + i
	}
	close(buf)
	println("buffered len after close:", len(buf), "cap:", cap(buf))
	n := 0
	for v := range buf {
		println("drained", v)
		n++
	}
	println("drained", n, "len now", len(buf))

	empty := make(chan bool)
	close(empty)
	for v := range empty {
		println("not reached", v)
	}
	println("range over closed empty channel: no iterations")
}
