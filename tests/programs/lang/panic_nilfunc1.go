package main

// Calling a nil func value: a nil pointer dereference panic (SIGSEGV).

import "fmt"

var hooks = map[string]func() int{}

func main() {
	hooks["a"] = func() int { return 1 }
	fmt.Println(hooks["a"]())
	fmt.Println(hooks["b"]())
}
