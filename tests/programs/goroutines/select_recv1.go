package main

// Receive from whichever channel is ready: two producers send 100 values
// each on their own unbuffered channel and then send on done; main selects
// over both data channels until it has 200 values. Which case wins when both
// are ready is random, so only per-channel counts and sums are printed
// (each producer's values also arrive in order, which is checked).

func produce(base int, n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- base + i
	}
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go produce(0, 100, a)
	go produce(1000, 100, b)
	countA, countB, sumA, sumB := 0, 0, 0, 0
	nextA, nextB := 0, 1000
	inOrder := true
	for countA+countB < 200 {
		select {
		case v := <-a:
			if v != nextA {
				inOrder = false
			}
			nextA++
			countA++
			sumA += v
		case v := <-b:
			if v != nextB {
				inOrder = false
			}
			nextB++
			countB++
			sumB += v
		}
	}
	println("from a:", countA, "sum", sumA)
	println("from b:", countB, "sum", sumB)
	println("each producer in order:", inOrder)

	// Both buffered channels full: every select has two ready cases.
	c := make(chan int, 50)
	d := make(chan int, 50)
	for i := 1; i <= 50; i++ {
		c <- i
		d <- 100 * i
	}
	total, n := 0, 0
	for n < 100 {
		select {
		case v := <-c:
			total += v
		case v := <-d:
			total += v
		}
		n++
	}
	println("received", n, "total", total, "left", len(c)+len(d))
}
