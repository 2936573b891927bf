package main

// nil channels in select: a send or receive on a nil channel is never ready,
// so those cases are never chosen. With only nil cases and a default, the
// default runs. A merge loop disables each input by setting its variable to
// nil once the input is closed, and ends when both are nil.

func produce(base int, n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- base + i
	}
	close(out)
}

func main() {
	var nilc chan int
	ready := make(chan int, 1)
	ready <- 9
	for i := 0; i < 3; i++ {
		select {
		case v := <-nilc:
			println("unexpected receive from nil", v)
		case nilc <- i:
			println("unexpected send to nil")
		case v := <-ready:
			println("ready channel gave", v)
			ready <- v + 1
		}
	}
	select {
	case <-nilc:
		println("unexpected")
	case nilc <- 1:
		println("unexpected")
	default:
		println("only nil cases: default")
	}

	a := make(chan int)
	b := make(chan int)
	go produce(100, 7, a)
	go produce(200, 3, b)
	na, nb, sum := 0, 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			na++
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			nb++
			sum += v
		}
	}
	println("merged", na, "from a and", nb, "from b, sum", sum)
}
