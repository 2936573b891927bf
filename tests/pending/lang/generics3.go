package main

// Type constraints: a union constraint with ~ (Number), comparable for map keys
// and ==, explicit instantiation, and a generic Max. Unsupported in gostack.

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type MyInt int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func Keys[K comparable, V any](m map[K]V) int { return len(m) }

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[MyInt](4, 5))
	fmt.Println(Max(3, 7), Max(2.5, -1.0), Max("abc", "abd"))
	fmt.Println(Index([]string{"a", "b", "c"}, "c"), Index([]int{1, 2}, 5))
	fmt.Println(Keys(map[string]bool{"x": true, "y": false}))
	f := Sum[float64]
	fmt.Printf("%T %v\n", f, f(1, 2))
}
