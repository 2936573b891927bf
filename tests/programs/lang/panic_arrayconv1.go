package main

// Converting a slice to an array pointer with too short a slice (Go 1.17+):
// "panic: runtime error: cannot convert slice with length 2 to pointer to array with length 4".

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	p := (*[4]int)(s)
	fmt.Println(*p)
	q := (*[4]int)(s[:2])
	fmt.Println(q)
}
