package main

// A negative variable index: "panic: runtime error: index out of range [-1]".

import "fmt"

func main() {
	a := []string{"x", "y"}
	i := len(a) - 3
	fmt.Println("index", i)
	fmt.Println(a[i])
}
