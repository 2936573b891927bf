package main

// Compound assignment operators and ++/-- on variables, array elements,
// struct fields and through pointers.

type S struct {
	v int
	a [3]uint8
}

func main() {
	x := 100
	x += 5
	x -= 3
	x *= 2
	x /= 4
	x %= 7
	println("arith:", x)
	y := 0xf0
	y |= 0x0f
	y &= 0x3c
	y ^= 0xff
	y <<= 2
	y >>= 1
	println("bits:", y)
	z := 0xff
	z &^= 0x0f
	println("andnot:", z)
	var u uint8 = 250
	u += 10
	println("uint8 wrap:", u)
	var arr [4]int
	arr[1] += 10
	arr[1]++
	arr[2]--
	println("arr:", arr[1], arr[2])
	var s S
	s.v += 7
	s.a[2] -= 1
	s.a[0]++
	println("struct:", s.v, s.a[0], s.a[2])
	p := &s
	p.v *= 6
	p.v++
	println("ptr:", s.v)
	q := &arr[3]
	*q += 9
	*q <<= 3
	println("elem ptr:", arr[3])
	f := 1.5
	f *= 4
	f -= 1
	println("float:", f)
}
