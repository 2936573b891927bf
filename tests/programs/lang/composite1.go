package main

// Composite literals: arrays with [...] and indexed elements, slices with
// indices, nested literals with elided types, &T{} pointers, anonymous structs,
// maps of slices of structs.

import "fmt"

type point struct{ X, Y int }

type line struct {
	A, B  point
	Label string
}

func main() {
	a := [...]int{5: 1, 2, 0: 7}
	fmt.Println(len(a), a)
	s := []string{3: "d", 1: "b"}
	fmt.Println(len(s), s)
	pts := []point{{1, 2}, {X: 3}, {}}
	fmt.Println(pts)
	pp := []*point{{4, 5}, &point{6, 7}}
	fmt.Println(*pp[0], *pp[1])
	l := line{A: point{1, 1}, B: point{2, 2}, Label: "diag"}
	fmt.Printf("%v %+v\n", l, l)
	anon := struct {
		Name string
		Age  int
	}{"x", 3}
	fmt.Println(anon, anon.Name)
	m := map[string][]point{"a": {{1, 1}}, "b": {{2, 2}, {3, 3}}}
	fmt.Println(m)
	mm := map[point]string{{1, 2}: "p"}
	fmt.Println(mm)
	grid := [2][3]int{{1, 2, 3}, {4}}
	fmt.Println(grid)
	ptr := &[]int{1, 2, 3}
	(*ptr)[0] = 9
	fmt.Println(*ptr)
	ps := &point{Y: 8}
	ps.X = 1
	fmt.Println(ps.X, ps.Y)
}
