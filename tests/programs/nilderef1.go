package main

// Dereferencing a nil pointer: a SIGSEGV turned into a runtime panic.

type T struct {
	a, b int
}

var p *T

//go:noinline
func read(t *T) int {
	return t.b
}

func main() {
	println("before")
	println(read(p))
	println("not reached")
}
