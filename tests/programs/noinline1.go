package main

// //go:noinline functions: many small calls that Go would otherwise
// inline, with arguments and results of several sizes.

//go:noinline
func add(a, b int) int { return a + b }

//go:noinline
func mix(a int8, b uint16, c int32, d int64, e bool) int64 {
	r := int64(a) + int64(b) + int64(c) + d
	if e {
		r = -r
	}
	return r
}

//go:noinline
func half(x float64) float64 { return x / 2 }

type pt struct{ x, y, z int }

//go:noinline
func scale(p pt, k int) pt {
	p.x *= k
	p.y *= k
	p.z *= k
	return p
}

//go:noinline
func nothing() {}

func main() {
	s := 0
	for i := 0; i < 1000; i++ {
		s = add(s, i)
		nothing()
	}
	println("sum:", s)
	println("mix:", mix(-1, 65535, -100000, 1<<40, false), mix(1, 2, 3, 4, true))
	println("half:", half(half(10)))
	p := scale(pt{1, 2, 3}, -4)
	println("scale:", p.x, p.y, p.z)
}
