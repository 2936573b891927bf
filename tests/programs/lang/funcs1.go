package main

// Function values: named func types, functions as arguments and results, nil
// function values compared with nil, maps of functions, anonymous functions
// called immediately, multiple results.

import "fmt"

type BinOp func(int, int) int

func apply(op BinOp, a, b int) int { return op(a, b) }

func add(a, b int) int { return a + b }
func sub(a, b int) int { return a - b }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func main() {
	ops := map[string]BinOp{"+": add, "-": sub, "*": func(a, b int) int { return a * b }}
	for _, k := range []string{"+", "-", "*"} {
		fmt.Println(k, apply(ops[k], 7, 3))
	}
	var f func()
	fmt.Println(f == nil)
	f = func() { fmt.Println("called") }
	fmt.Println(f != nil)
	f()
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(mapInts([]int{1, 2, 3}, func(x int) int { return x * x }))
	res := func(a, b int) int { return a*10 + b }(4, 2)
	fmt.Println(res)
	fmt.Printf("%T\n", divmod)
	fmt.Println(divmod(divmod(100, 7)))
}
