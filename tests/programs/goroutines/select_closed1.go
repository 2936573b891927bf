package main

// A closed channel is always ready in a select: comma-ok receive cases first
// get the buffered values (ok true), then the zero value with ok false.
// A goroutine blocked in a select is woken by close of one of its channels.
// With a closed channel and a default, the closed channel wins every time.

func waitClose(a chan int, b chan bool, report chan<- int) {
	select {
	case v, ok := <-a:
		if !ok {
			report <- -1
		} else {
			report <- v
		}
	case <-b:
		report <- -2
	}
}

func main() {
	ch := make(chan int, 2)
	ch <- 4
	ch <- 5
	close(ch)
	for i := 0; i < 4; i++ {
		select {
		case v, ok := <-ch:
			println("select recv", v, ok)
		}
	}

	bc := make(chan bool)
	close(bc)
	defaults, zeros := 0, 0
	for i := 0; i < 10; i++ {
		select {
		case v := <-bc:
			if !v {
				zeros++
			}
		default:
			defaults++
		}
	}
	println("closed bool channel:", zeros, "zero values,", defaults, "defaults")

	a := make(chan int)
	b := make(chan bool)
	report := make(chan int)
	go waitClose(a, b, report)
	close(a)
	println("waiter woken by close of a:", <-report)
	a2 := make(chan int)
	go waitClose(a2, b, report)
	close(b)
	println("waiter woken by close of b:", <-report)
}
