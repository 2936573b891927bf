package main

// Generic functions (Go 1.18+): Map, Filter and Reduce with type parameters and
// inferred type arguments. gostack does not support generics yet and must report
// them as unsupported; the golden is Go's output.

import "fmt"

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6}
	sq := Map(nums, func(x int) int { return x * x })
	fmt.Println(sq)
	fmt.Println(Map(nums, func(x int) string { return fmt.Sprint("#", x) }))
	fmt.Println(Filter(sq, func(x int) bool { return x%2 == 0 }))
	fmt.Println(Reduce(nums, 0, func(a, x int) int { return a + x }))
	fmt.Println(Reduce([]string{"a", "b", "c"}, "", func(a, s string) string { return s + a }))
}
