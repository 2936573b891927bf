package main

// Slice index out of range with a variable index, after some output:
// "panic: runtime error: index out of range [5] with length 3", exit 2.

import "fmt"

func get(s []int, i int) int {
	return s[i]
}

func main() {
	s := []int{10, 20, 30}
	fmt.Println(get(s, 2))
	fmt.Println(get(s, 5))
}
