package main

// Common slice idioms: delete an element with append(s[:i], s[i+1:]...),
// insert in the middle, reverse in place, filter in place reusing the backing
// array, a queue (pop from the front), a stack, and aliasing after those.

import "fmt"

func main() {
	s := []int{0, 1, 2, 3, 4, 5}
	s = append(s[:2], s[3:]...)
	fmt.Println(s, len(s), cap(s))
	i := 2
	s = append(s[:i], append([]int{99}, s[i:]...)...)
	fmt.Println(s)
	for l, r := 0, len(s)-1; l < r; l, r = l+1, r-1 {
		s[l], s[r] = s[r], s[l]
	}
	fmt.Println(s)
	n := 0
	for _, v := range s {
		if v%2 == 1 {
			s[n] = v
			n++
		}
	}
	s = s[:n]
	fmt.Println(s)
	q := []string{"a", "b", "c"}
	for len(q) > 0 {
		head := q[0]
		q = q[1:]
		fmt.Print(head, " ")
		if head == "a" {
			q = append(q, "d")
		}
	}
	fmt.Println()
	var st []int
	for k := 0; k < 4; k++ {
		st = append(st, k)
	}
	for len(st) > 0 {
		top := st[len(st)-1]
		st = st[:len(st)-1]
		fmt.Print(top, " ")
	}
	fmt.Println()
	orig := []int{1, 2, 3}
	alias := orig[:2]
	alias = append(alias, 30)
	fmt.Println(orig, alias)
}
