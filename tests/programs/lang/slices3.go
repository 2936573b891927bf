package main

// nil slices vs empty slices: len, cap, == nil, append to nil, range over nil,
// slicing a nil slice, printing.

import "fmt"

func count(s []string) int { return len(s) }

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s), s)
	for i := range s {
		fmt.Println("never", i)
	}
	e := []int{}
	fmt.Println(e == nil, len(e), e)
	s = append(s, 7)
	fmt.Println(s == nil, s)
	var t []int
	t = t[:0]
	fmt.Println(t == nil, len(t))
	fmt.Println(count(nil))
	var m []string
	m = append(m, []string(nil)...)
	fmt.Println(m == nil)
	fmt.Printf("%v %d %#v %#v\n", s, len(m), m, e)
	n := copy(t, s)
	fmt.Println(n)
}
