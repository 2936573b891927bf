package main

// Closures as counters: each closure has its own captured variable; two closures
// sharing one variable; a closure modifying a variable of its enclosing function.

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func pair() (func(), func() int) {
	x := 0
	return func() { x += 10 }, func() int { return x }
}

func main() {
	a := counter()
	b := counter()
	fmt.Println(a(), a(), a(), b(), a(), b())
	inc, get := pair()
	inc()
	inc()
	fmt.Println(get())
	total := 0
	add := func(k int) { total += k }
	for i := 1; i <= 10; i++ {
		add(i)
	}
	fmt.Println(total)
	fib := func() func() int {
		x, y := 0, 1
		return func() int {
			r := x
			x, y = y, x+y
			return r
		}
	}()
	for i := 0; i < 10; i++ {
		fmt.Print(fib(), " ")
	}
	fmt.Println()
}
