package main

// Integer division by a variable that is zero: runtime panic.

var zero int

//go:noinline
func div(a, b int) int {
	return a / b
}

func main() {
	println("10/2:", div(10, 2))
	println(div(10, zero))
	println("not reached")
}
