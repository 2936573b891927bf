package main

// os.Args when run with no arguments: one element (the program name, whose
// directory varies, so only its base name is printed), os.Args[1:] empty.

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(len(os.Args))
	name := os.Args[0]
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	fmt.Println(name != "")
	rest := os.Args[1:]
	fmt.Println(len(rest), rest, rest == nil)
	for i, a := range os.Args[1:] {
		fmt.Println(i, a)
	}
	if len(os.Args) < 2 {
		fmt.Println("usage: prog N (defaulting to 10)")
	}
}
