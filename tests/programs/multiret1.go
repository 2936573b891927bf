package main

// Multiple results: named and unnamed results, bare return, passing
// results on, discarding with _, swapping with multiple assignment.

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minmax(a, b, c int) (lo, hi int) {
	lo, hi = a, a
	if b < lo {
		lo = b
	}
	if c < lo {
		lo = c
	}
	if b > hi {
		hi = b
	}
	if c > hi {
		hi = c
	}
	return
}

func three() (int8, bool, float64) {
	return -3, true, 0.25
}

func sumPair(a, b int) int { return a + b }

func named() (x int, ok bool) {
	x = 5
	if x > 3 {
		ok = true
		return x * 2, ok
	}
	return
}

func main() {
	q, r := divmod(17, 5)
	println("divmod:", q, r)
	lo, hi := minmax(4, -2, 9)
	println("minmax:", lo, hi)
	a, b, c := three()
	println("three:", a, b, c)
	_, r2 := divmod(100, 7)
	println("r2:", r2)
	println("sumPair(divmod):", sumPair(divmod(23, 4)))
	x, ok := named()
	println("named:", x, ok)
	i, j, k := 1, 2, 3
	i, j, k = k, i, j
	println("rotate:", i, j, k)
	var arr [3]int
	n := 0
	n, arr[n] = 2, 7
	println("order:", n, arr[0], arr[2])
}
