package main

// println version of stack_panic1: a recursion 10000 deep (the stack grows and
// is copied several times) panics at the bottom with an int value; every 1000th
// frame has a deferred closure that prints its frame's values while the panic
// unwinds; the top recovers and prints the value; done twice.

var reached int

func down(n int, tag int) int {
	var buf [8]int
	buf[n%8] = n
	if n%1000 == 0 {
		defer func() { println("unwound frame", n, tag, buf[n%8]) }()
	}
	if n == 10000 {
		reached = n
		panic(n*10 + tag)
	}
	return down(n+1, tag) + buf[n%8]
}

func top(tag int) (v int) {
	defer func() {
		r := recover()
		v = r.(int)
	}()
	down(0, tag)
	return -1
}

func main() {
	println("recovered", top(1))
	println("reached", reached)
	println("recovered", top(2))
}
