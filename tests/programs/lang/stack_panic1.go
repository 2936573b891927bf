package main

// A panic unwinding through frames that were copied: a recursion 10000 deep
// (its stack grows and is copied several times) panics at the bottom; every
// 1000th frame has a deferred print; the top recovers and prints the value and
// the recursion depth reached.

import "fmt"

var reached int

func down(n int, tag string) int {
	var buf [8]int
	buf[n%8] = n
	if n%1000 == 0 {
		defer func() { fmt.Println("unwound frame", n, tag, buf[n%8]) }()
	}
	if n == 10000 {
		reached = n
		panic(fmt.Sprintf("bottom reached at %d (%s)", n, tag))
	}
	return down(n+1, tag) + buf[n%8]
}

func top() (msg string) {
	defer func() {
		r := recover()
		msg = fmt.Sprint("recovered: ", r)
	}()
	down(0, "run")
	return "no panic"
}

func main() {
	fmt.Println(top())
	fmt.Println("reached", reached)
	fmt.Println(top())
}
