package main

// Arguments of a deferred call are evaluated when the defer statement runs, a
// deferred closure reads variables when it runs; deferred method values bind
// their receiver at defer time.

import "fmt"

type T struct{ name string }

func (t T) Show()   { fmt.Println("value receiver:", t.name) }
func (t *T) ShowP() { fmt.Println("pointer receiver:", t.name) }

func get(tag string, v int) int {
	fmt.Println("evaluating", tag)
	return v
}

func main() {
	x := 1
	defer fmt.Println("deferred arg x =", x)
	defer func() { fmt.Println("closure x =", x) }()
	defer func(v int) { fmt.Println("param v =", v, "x =", x) }(x)
	defer fmt.Println("sum", get("first", 10)+get("second", 20))
	t := T{"before"}
	defer t.Show()
	defer t.ShowP()
	t.name = "after"
	s := []int{1, 2, 3}
	defer fmt.Println("slice", s)
	s[0] = 100
	x = 42
	fmt.Println("main body done")
}
