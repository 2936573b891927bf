package main

// make with a negative length from a variable: "panic: runtime error: makeslice: len out of range".

import "fmt"

func main() {
	n := 4
	for i := 0; i < 3; i++ {
		n -= 3
		s := make([]byte, n)
		fmt.Println(len(s))
	}
}
