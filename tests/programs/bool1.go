package main

// bool values: zero value, !, &&, ||, ==, != on bools, comparisons
// producing bools, bools in structs and arrays, bool results.

type flags struct {
	a, b bool
}

func xor(a, b bool) bool { return a != b }

func main() {
	var z bool
	println("zero:", z, !z)
	t, f := true, false
	println("and:", t && t, t && f, f && t, f && f)
	println("or:", t || t, t || f, f || t, f || f)
	println("eq:", t == t, t == f, t != f)
	println("xor:", xor(t, f), xor(t, t))
	x := 5
	b := x > 3 && x < 10
	println("range:", b, x == 5, x != 5, x <= 4, x >= 5)
	var fs flags
	fs.b = !fs.a
	println("struct:", fs.a, fs.b)
	var arr [3]bool
	arr[1] = true
	n := 0
	for i := 0; i < len(arr); i++ {
		if arr[i] {
			n++
		}
	}
	println("count:", n, arr[0], arr[1])
	c := !(t && !f) || (x%2 == 1)
	println("complex:", c)
}
