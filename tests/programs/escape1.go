package main

// Pointers to locals that escape (returned from their function) live on
// the heap and keep their values while the stack grows and is copied.

type cell struct {
	v    int
	next *cell
}

func newCell(v int, next *cell) *cell {
	c := cell{v: v, next: next}
	return &c
}

func counter() *int {
	n := 10
	return &n
}

func grow(n int, keep *cell) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		return keep.v
	}
	return grow(n-1, keep) + pad[n%16] - n
}

func main() {
	var head *cell
	for i := 1; i <= 5; i++ {
		head = newCell(i*i, head)
	}
	p := counter()
	*p += 5
	println("grow:", grow(20000, head))
	sum := 0
	for c := head; c != nil; c = c.next {
		sum += c.v
	}
	println("list sum:", sum, "head:", head.v, "counter:", *p)
}
