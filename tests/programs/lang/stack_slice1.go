package main

// A slice of a stack array passed down a deep recursion and modified at every
// level: the array lives in main's frame (it does not escape), each level adds
// its depth to one element, and the sums are checked after the stack has grown
// and been copied many times.

import "fmt"

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
	fmt.Println(r, arr)
	want := [10]int{}
	for d := 0; d <= 30000; d++ {
		want[d%10] += d
	}
	fmt.Println(arr == want)
	var small [64]int
	sub(small[:], 64)
	fmt.Println(small[0], small[63])
	part := arr[3:7]
	walk(part, 0, 8000)
	fmt.Println(arr)
}
