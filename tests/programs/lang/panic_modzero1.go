package main

// Modulo by a zero variable: "panic: runtime error: integer divide by zero".

import "fmt"

func main() {
	for d := 3; d >= 0; d-- {
		fmt.Println(10 % d)
	}
}
