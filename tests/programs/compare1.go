package main

// == and != on structs and arrays (element-wise), including nested ones,
// and copies compared with their originals.

type point struct {
	x, y int
}

type rect struct {
	min, max point
	tag      uint8
}

func main() {
	a := point{1, 2}
	b := point{1, 2}
	c := point{2, 1}
	println("points:", a == b, a == c, a != c)
	r1 := rect{point{0, 0}, point{3, 4}, 7}
	r2 := r1
	println("rect copy equal:", r1 == r2)
	r2.max.y = 5
	println("after change:", r1 == r2, r1 != r2)
	var x, y [4]int
	println("zero arrays:", x == y)
	x[3] = 1
	println("changed:", x == y)
	y = x
	println("assigned:", x == y)
	var ps [2]point
	qs := ps
	qs[1].x = 9
	println("array of structs:", ps == qs, ps[1] == qs[1], ps[0] == qs[0])
	var f1, f2 [3]float64
	f1[0] = 0.5
	f2[0] = 0.5
	println("float arrays:", f1 == f2)
	var bs [2]bool
	println("bool arrays:", bs == [2]bool{false, false}, bs == [2]bool{true, false})
	println("literal:", a == point{1, 2}, r1.max == point{3, 4})
}
