package main

// Scoping and shadowing: := in if/for/switch init statements creates new
// variables, an inner block shadows an outer variable, := with at least one new
// variable on the left reuses the existing ones, package-level names shadowed.

import "fmt"

var x = "package"

func get() (int, error) { return 5, nil }

func main() {
	fmt.Println(x)
	x := "main"
	fmt.Println(x)
	{
		x := "block"
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := 3; x > 2 {
		fmt.Println("if", x)
	} else {
		fmt.Println("else", x)
	}
	a, err := get()
	b, err := get()
	fmt.Println(a, b, err)
	for i := 0; i < 2; i++ {
		i := i * 10
		fmt.Println("loop", i)
	}
	n := 1
	func() {
		n := 2
		n++
		_ = n
	}()
	func() { n++ }()
	fmt.Println(n)
	switch y := len(x); {
	case y > 3:
		fmt.Println("long", y)
	default:
		fmt.Println("short", y)
	}
}
