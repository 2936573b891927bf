package main

// println version of stack_slice1: a slice of an array in main's frame is
// passed down a 30000-deep recursion and modified at every level; the sums are
// checked after the stack has grown and been copied many times; then a
// re-sliced window s[1:] at every level, and a sub-slice of the same array.

func walk(s []int, depth, max int) int {
	s[depth%len(s)] += depth
	if depth == max {
		return s[0]
	}
	var local [16]int
	local[depth%16] = depth
	r := walk(s, depth+1, max)
	return r + local[depth%16] - depth
}

func sub(s []int, depth int) {
	if depth == 0 {
		return
	}
	s[0]++
	sub(s[1:], depth-1)
}

func main() {
	var arr [10]int
	r := walk(arr[:], 0, 30000)
	println(r)
	for i := range arr {
		print(arr[i], " ")
	}
	println()
	var want [10]int
	for d := 0; d <= 30000; d++ {
		want[d%10] += d
	}
	println(arr == want)
	var small [64]int
	sub(small[:], 64)
	println(small[0], small[63])
	part := arr[3:7]
	walk(part, 0, 8000)
	for i := range arr {
		print(arr[i], " ")
	}
	println()
}
