package main

// A pipeline of three stages connected by unbuffered channels:
// gen -> square -> addTen -> main. Each stage is one goroutine, so values
// arrive in order; every stage closes its output when its input is closed.

func gen(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func square(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func addTen(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v + 10
	}
	close(out)
}

func main() {
	a := make(chan int)
	b := make(chan int)
	c := make(chan int)
	go gen(50, a)
	go square(a, b)
	go addTen(b, c)
	count, sum := 0, 0
	for v := range c {
		if count < 8 {
			print(v, " ")
		}
		count++
		sum += v
	}
	println()
	println("count:", count, "sum:", sum)
	v, ok := <-c
	println("after close:", v, ok)
}
