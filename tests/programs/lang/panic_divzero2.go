package main

// Integer division by zero inside a helper, the divisor from a slice:
// "panic: runtime error: integer divide by zero"; modulo by zero is the same error.

import "fmt"

func avg(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum / len(xs)
}

func main() {
	fmt.Println(avg([]int{1, 2, 3}))
	fmt.Println(avg(nil))
}
