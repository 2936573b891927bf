package main

// Re-panicking with the same runtime error value after recovering it: Go prints
// "panic: runtime error: index out of range [3] with length 3 [recovered]" and
// then the same value again.

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("cleanup after:", r)
		panic(r)
	}()
	s := []int{1, 2, 3}
	i := 3
	fmt.Println(s[i])
}
