package main

// copy (returns the count, handles overlap, copies from a string), 2-index and
// 3-index slicing, and sharing of the backing array between slices.

import "fmt"

func main() {
	a := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	b := a[2:5]
	fmt.Println(b, len(b), cap(b))
	b[0] = 20
	fmt.Println(a)
	c := a[2:5:6]
	fmt.Println(c, len(c), cap(c))
	c = append(c, 50)
	fmt.Println(a, c)
	c = append(c, 60)
	c[0] = 99
	fmt.Println(a, c)
	d := make([]int, 3)
	n := copy(d, a)
	fmt.Println(n, d)
	n = copy(a[1:], a)
	fmt.Println(n, a)
	bs := make([]byte, 4)
	n = copy(bs, "hello")
	fmt.Println(n, bs, string(bs))
	e := b[1:cap(b)]
	fmt.Println(e, len(e), cap(e))
	f := a[:0]
	fmt.Println(f, len(f), cap(f))
	g := a[len(a):]
	fmt.Println(g, len(g), cap(g))
}
