package main

// append growth for element sizes other than 8 bytes: bytes, 24-byte structs and
// strings; capacities after each growth follow size-class rounding.

import "fmt"

type triple struct{ a, b, c int64 }

func main() {
	var b []byte
	last := -1
	for i := 0; i < 3000; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			fmt.Print(cap(b), " ")
			last = cap(b)
		}
	}
	fmt.Println()
	var t []triple
	last = -1
	for i := 0; i < 1000; i++ {
		t = append(t, triple{int64(i), 0, 0})
		if cap(t) != last {
			fmt.Print(cap(t), " ")
			last = cap(t)
		}
	}
	fmt.Println()
	var s []string
	last = -1
	for i := 0; i < 1000; i++ {
		s = append(s, "x")
		if cap(s) != last {
			fmt.Print(cap(s), " ")
			last = cap(s)
		}
	}
	fmt.Println()
	x := append([]int{1, 2, 3}, make([]int, 10)...)
	fmt.Println(len(x), cap(x))
	y := append([]byte("ab"), "cdefghijklmnopqrstuvwxyz0123456789"...)
	fmt.Println(len(y), cap(y))
}
