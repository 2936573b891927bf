package main

// Send cases: main sends 1..100 through a select with two send cases, one
// per consumer; each consumer sums what it gets and reports on results when
// its channel is closed. Which consumer gets which value is random, so only
// the grand total and the count are printed. Then a select with a send case
// and a receive case on buffered channels, where the send is the only ready
// case, and one where only the receive is ready.

func consume(in <-chan int, results chan<- int) {
	sum := 0
	for v := range in {
		sum += v
	}
	results <- sum
}

func main() {
	a := make(chan int)
	b := make(chan int)
	results := make(chan int)
	go consume(a, results)
	go consume(b, results)
	sent := 0
	for i := 1; i <= 100; i++ {
		select {
		case a <- i:
			sent++
		case b <- i:
			sent++
		}
	}
	close(a)
	close(b)
	total := <-results + <-results
	println("sent", sent, "total", total)

	out := make(chan int, 1)
	in := make(chan int, 1)
	select {
	case out <- 42:
		println("send case chosen, len(out) =", len(out))
	case v := <-in:
		println("unexpected receive", v)
	}
	in <- 5
	select {
	case out <- 43:
		println("unexpected send: out should be full")
	case v := <-in:
		println("receive case chosen:", v, "out still holds", <-out)
	}
}
