package main

// A defer at every level of a 5000-deep recursion: each deferred closure
// captures that level's local and a pointer to an accumulator in main; they all
// run in reverse order when the recursion returns, after the stack grew.

import "fmt"

func rec(n int, acc *[]int) {
	local := n * 3
	defer func() {
		if local%3000 == 0 {
			*acc = append(*acc, local)
		}
	}()
	if n == 5000 {
		return
	}
	rec(n+1, acc)
}

func main() {
	var acc []int
	rec(0, &acc)
	fmt.Println(acc)
}
