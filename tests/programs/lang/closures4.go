package main

// Recursive closures: a variable declared first and then assigned a closure that
// calls itself (fibonacci with memoization, a tree walk, mutual recursion between
// two closures).

import "fmt"

type node struct {
	v           int
	left, right *node
}

func main() {
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		r := fib(n-1) + fib(n-2)
		memo[n] = r
		return r
	}
	fmt.Println(fib(50), len(memo))
	var insert func(*node, int) *node
	insert = func(t *node, v int) *node {
		if t == nil {
			return &node{v: v}
		}
		if v < t.v {
			t.left = insert(t.left, v)
		} else {
			t.right = insert(t.right, v)
		}
		return t
	}
	var root *node
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7, 2, 6} {
		root = insert(root, v)
	}
	var walk func(*node)
	walk = func(t *node) {
		if t == nil {
			return
		}
		walk(t.left)
		fmt.Print(t.v, " ")
		walk(t.right)
	}
	walk(root)
	fmt.Println()
	var even, odd func(int) bool
	even = func(n int) bool { return n == 0 || odd(n-1) }
	odd = func(n int) bool { return n != 0 && even(n-1) }
	fmt.Println(even(10), odd(7), even(7))
}
