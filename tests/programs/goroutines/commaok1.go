package main

// Comma-ok receives: buffered values are still delivered with ok == true
// after close, then the zero value with ok == false, as many times as asked.
// A receiver blocked in a comma-ok receive is woken by close from another
// goroutine. Zero values of bool and struct element types.

type pair struct {
	a int
	b bool
}

func closeLater(ch chan int) {
	close(ch)
}

func main() {
	ch := make(chan int, 3)
	ch <- 7
	ch <- 8
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		println("recv", i, v, ok)
	}
	<-ch
	println("plain receive on closed channel returns")

	un := make(chan int)
	go closeLater(un)
	v, ok := <-un
	println("woken by close:", v, ok)

	bc := make(chan bool, 1)
	bc <- true
	close(bc)
	b1, ok1 := <-bc
	b2, ok2 := <-bc
	println("bool:", b1, ok1, b2, ok2)

	pc := make(chan pair, 1)
	pc <- pair{5, true}
	close(pc)
	p1, okp1 := <-pc
	p2, okp2 := <-pc
	println("pair:", p1.a, p1.b, okp1, p2.a, p2.b, okp2)
}
