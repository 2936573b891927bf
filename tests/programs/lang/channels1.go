package main

// Channels with fmt: a buffered channel filled and drained, range over a closed
// channel, a generator goroutine, a result collected through an unbuffered
// channel, and select with default; all orders are fixed by synchronization.

import "fmt"

func gen(n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i * i
		}
		close(ch)
	}()
	return ch
}

func main() {
	buf := make(chan string, 3)
	buf <- "a"
	buf <- "b"
	fmt.Println(len(buf), cap(buf))
	close(buf)
	for s := range buf {
		fmt.Print(s, " ")
	}
	fmt.Println()
	v, ok := <-buf
	fmt.Printf("%q %v\n", v, ok)
	total := 0
	for x := range gen(10) {
		total += x
	}
	fmt.Println(total)
	done := make(chan int)
	go func() {
		s := 0
		for i := 1; i <= 100; i++ {
			s += i
		}
		done <- s
	}()
	fmt.Println(<-done)
	c := make(chan int)
	select {
	case x := <-c:
		fmt.Println("got", x)
	default:
		fmt.Println("nothing ready")
	}
}
