package main

// Plain recursion: factorial, fibonacci, Ackermann, and a depth-10000
// sum that makes the stack grow a few times.

func fact(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func sumTo(n int) int {
	if n == 0 {
		return 0
	}
	return n + sumTo(n-1)
}

func main() {
	println("fact(20):", fact(20))
	println("fact(21) wraps:", fact(21))
	println("fib(25):", fib(25))
	println("ack(2,3):", ack(2, 3), "ack(3,3):", ack(3, 3))
	println("sumTo(10000):", sumTo(10000))
}
