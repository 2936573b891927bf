package main

// A select with a send case and a receive case in one loop: a queue
// goroutine takes values from in and forwards them to out in FIFO order,
// holding up to 8 pending values in an array. The send case uses a channel
// variable that is nil while the queue is empty, so it is never chosen
// then. Main fills the queue before it starts reading, and while it is full
// the receive case is disabled (nil) too.

func queue(in <-chan int, out chan<- int) {
	var buf [8]int
	head, n := 0, 0
	for in != nil || n > 0 {
		var sendCh chan<- int
		var recvCh <-chan int
		if n > 0 {
			sendCh = out
		}
		if n < len(buf) {
			recvCh = in
		}
		select {
		case v, ok := <-recvCh:
			if !ok {
				in = nil
				continue
			}
			buf[(head+n)%len(buf)] = v
			n++
		case sendCh <- buf[head]:
			head = (head + 1) % len(buf)
			n--
		}
	}
	close(out)
}

func feed(in chan<- int, from int, to int) {
	for i := from; i <= to; i++ {
		in <- i * 10
	}
	close(in)
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go queue(in, out)
	for i := 1; i <= 8; i++ {
		in <- i * 10
	}
	println("8 values queued without a reader")
	go feed(in, 9, 50)
	inOrder, count, next := true, 0, 10
	for v := range out {
		if v != next {
			inOrder = false
		}
		next += 10
		count++
	}
	println("received", count, "values, in order:", inOrder)
}
