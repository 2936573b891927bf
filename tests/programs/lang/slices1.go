package main

// make with length and capacity; append growth: the capacity after each append
// follows Go 1.19's rule (double below 256, then grow by (cap+3*256)/4, rounded
// up to a malloc size class).

import "fmt"

func main() {
	var s []int
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			fmt.Println("len", len(s), "cap", cap(s))
			last = cap(s)
		}
	}
	m := make([]int, 3, 10)
	fmt.Println(m, len(m), cap(m))
	m = append(m, 1, 2)
	fmt.Println(m, len(m), cap(m))
	z := make([]int, 5)
	fmt.Println(z, len(z), cap(z))
	a := []int{1, 2, 3}
	a = append(a, 4, 5, 6, 7)
	fmt.Println(a, len(a), cap(a))
	b := append([]int{}, a...)
	fmt.Println(b, cap(b))
}
