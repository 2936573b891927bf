package main

// defer order: LIFO within a function, a loop of defers, defers run on normal
// return after the return values are computed, defers in nested calls.

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func a() {
	defer trace("a")()
	fmt.Println("in a")
	b()
}

func b() {
	defer trace("b")()
	fmt.Println("in b")
}

func loop() {
	for i := 0; i < 5; i++ {
		defer fmt.Print(i, " ")
	}
	fmt.Print("loop body done: ")
}

func ret() int {
	x := 1
	defer fmt.Println("deferred sees x =", x)
	x = 2
	return x * 10
}

func main() {
	defer fmt.Println("main deferred 1")
	defer fmt.Println("main deferred 2")
	a()
	loop()
	fmt.Println()
	fmt.Println(ret())
}
