package main

// String index out of range: "index out of range [4] with length 4"; a
// negative index through a variable gives "index out of range [-1]".

import "fmt"

func at(s string, i int) byte { return s[i] }

func main() {
	fmt.Println(at("gopher", 3))
	defer fmt.Println("deferred runs before the panic message")
	fmt.Println(at("abcd", len("abcd")))
}
