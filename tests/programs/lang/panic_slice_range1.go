package main

// Slicing with low > high: "slice bounds out of range [3:2]".

import "fmt"

func main() {
	s := []int{1, 2, 3, 4}
	lo, hi := 3, 2
	fmt.Println(s[1:3])
	fmt.Println(s[lo:hi])
}
