package main

// Recursion 100000 deep where every frame holds a 64-byte local array
// ([8]int64). The arrays must survive all stack copies intact.

func rec(n int) int64 {
	var a [8]int64
	for i := 0; i < 8; i++ {
		a[i] = int64(n*8 + i)
	}
	var below int64
	if n > 0 {
		below = rec(n - 1)
	}
	var s int64
	for i := 0; i < 8; i++ {
		if a[i] != int64(n*8+i) {
			println("corrupted at depth", n)
		}
		s += a[i]
	}
	return (below + s) % 1000000007
}

func main() {
	println("rec(100000):", rec(100000))
	println("rec(10):", rec(10))
}
