package main

// Closures that escape: returned from functions, stored in structs, maps and
// slices, and called after their defining frame returned; function composition.

import (
	"fmt"
	"strings"
)

type Handler struct {
	name string
	fn   func(string) string
}

func prefixer(p string) func(string) string {
	return func(s string) string { return p + s }
}

func compose(f, g func(string) string) func(string) string {
	return func(s string) string { return g(f(s)) }
}

func makeAdders() map[string]func(int) int {
	m := map[string]func(int) int{}
	for _, k := range []int{1, 5, 10} {
		k := k
		m[fmt.Sprint("add", k)] = func(x int) int { return x + k }
	}
	return m
}

func main() {
	hs := []Handler{
		{"hello", prefixer("hello, ")},
		{"upper", strings.ToUpper},
		{"both", compose(prefixer("hi "), strings.ToUpper)},
	}
	for _, h := range hs {
		fmt.Println(h.name, h.fn("go"))
	}
	adders := makeAdders()
	fmt.Println(adders["add1"](1), adders["add5"](1), adders["add10"](1))
	acc := func() func(int) []int {
		var hist []int
		return func(x int) []int {
			hist = append(hist, x)
			return hist
		}
	}()
	acc(1)
	acc(2)
	fmt.Println(acc(3))
}
