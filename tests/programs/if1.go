package main

// if / else if / else, init statements, scoping of init variables,
// short-circuit && and ||.

var calls int

func check(v bool) bool {
	calls++
	return v
}

func classify(n int) int {
	if n < 0 {
		return -1
	} else if n == 0 {
		return 0
	} else if n < 10 {
		return 1
	}
	return 2
}

func main() {
	println("classify:", classify(-5), classify(0), classify(7), classify(70))
	x := 10
	if x := 3; x > 2 {
		println("inner x:", x)
	} else {
		println("unreachable", x)
	}
	println("outer x:", x)
	if y := x * 2; y > 100 {
		println("big", y)
	} else if z := y + 1; z == 21 {
		println("y, z:", y, z)
	} else {
		println("other", y, z)
	}
	calls = 0
	if check(false) && check(true) {
		println("no")
	}
	println("&& calls:", calls)
	calls = 0
	if check(true) || check(false) {
		println("|| calls:", calls)
	}
	if !(x > 5) {
		println("not")
	} else {
		println("x > 5")
	}
}
