package main

// panic with a string literal, two calls deep.

//go:noinline
func inner() {
	println("in inner")
	panic("boom")
}

//go:noinline
func outer() {
	inner()
	println("not reached")
}

func main() {
	println("start")
	outer()
}
