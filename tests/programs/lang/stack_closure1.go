package main

// Closures capturing locals that are used after the stack moved: closures
// created in main and in a frame deep in a recursion are called after a
// 50000-deep recursion grew the stack; counters keep counting across the moves.

import "fmt"

func grow(n int) int {
	var pad [6]int
	pad[n%6] = 1
	if n == 0 {
		return 0
	}
	return grow(n-1) + pad[n%6]
}

func recurseWith(n int, f func(int)) {
	if n == 0 {
		return
	}
	f(n)
	recurseWith(n-1, f)
}

func main() {
	count := 0
	sum := 0
	inc := func(k int) {
		count++
		sum += k
	}
	inc(1)
	fmt.Println(grow(50000))
	inc(2)
	recurseWith(20000, inc)
	fmt.Println(count, sum)
	var fs []func() int
	var build func(int)
	build = func(n int) {
		v := n * n
		if n%5000 == 0 {
			fs = append(fs, func() int { v++; return v })
		}
		if n > 0 {
			build(n - 1)
		}
	}
	build(20000)
	fmt.Println(grow(30000))
	for _, f := range fs {
		fmt.Print(f(), " ", f(), " ")
	}
	fmt.Println()
}
