package main

// panic with a float64 and a bool: Go prints floats in println style, e.g.
// "panic: +1.500000e+000"; the float comes first after a recovered bool panic.

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		panic(1.5)
	}()
	panic(true)
}
