package main

// //go:nosplit functions (no stack-growth prologue) with small frames,
// called at the bottom of a recursion and in a loop.

//go:nosplit
func leaf(a, b int) int {
	return a*31 + b
}

//go:nosplit
func leaf2(x uint32) uint32 {
	var t [4]uint32
	t[x%4] = x
	return t[x%4]*2654435761 + uint32(leaf(int(x), 1))
}

func rec(n int) int {
	if n == 0 {
		return leaf(1, 2)
	}
	return leaf(rec(n-1), n) % 1000003
}

func main() {
	var h uint32 = 1
	for i := uint32(0); i < 1000; i++ {
		h ^= leaf2(h + i)
	}
	println("hash:", h)
	println("rec(5000):", rec(5000))
	println("leaf:", leaf(2, 3))
}
