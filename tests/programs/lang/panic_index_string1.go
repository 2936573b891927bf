package main

// String index out of range: "index out of range [4] with length 4"; the
// deferred print runs before the panic message is written.

import "fmt"

func at(s string, i int) byte { return s[i] }

func main() {
	fmt.Println(at("gopher", 3))
	defer fmt.Println("deferred runs before the panic message")
	fmt.Println(at("abcd", len("abcd")))
}
