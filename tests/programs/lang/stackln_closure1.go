package main

// println version of stack_closure1: closures capturing locals of main and of
// frames deep in a recursion are called after 50000- and 30000-deep recursions
// grew the stack; counters keep counting across the moves.

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
	println(grow(50000))
	inc(2)
	recurseWith(20000, inc)
	println(count, sum)
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
	println(grow(30000))
	for _, f := range fs {
		a := f()
		b := f()
		println(a, b)
	}
}
