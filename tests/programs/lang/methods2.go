package main

// Method values (bound to a copy of the receiver for value receivers, to the
// pointer for pointer receivers) and method expressions T.M and (*T).M.

import "fmt"

type T struct{ v int }

func (t T) Show() string  { return fmt.Sprint("T(", t.v, ")") }
func (t *T) Set(v int)    { t.v = v }
func (t T) Plus(k int) int { return t.v + k }

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	t := T{1}
	show := t.Show
	set := t.Set
	t.v = 2
	fmt.Println(show(), t.Show())
	set(7)
	fmt.Println(t.v, show())
	plus := t.Plus
	fmt.Println(apply(plus, 10))
	f := T.Show
	g := (*T).Set
	h := T.Plus
	g(&t, 42)
	fmt.Println(f(t), h(t, 1))
	fs := []func() string{T{5}.Show, (&T{6}).Show}
	for _, fn := range fs {
		fmt.Println(fn())
	}
	fmt.Printf("%T\n%T\n%T\n", f, g, show)
}
