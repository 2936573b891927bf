package main

// Runtime errors recovered and inspected as runtime.Error: index out of range,
// slice bounds, nil map write, nil pointer dereference, integer division by
// zero, failed type assertion, conversion of a negative len to make.

import (
	"fmt"
	"runtime"
)

type T struct{ x int }

func check(name string, f func()) {
	defer func() {
		r := recover()
		re, ok := r.(runtime.Error)
		if ok {
			fmt.Printf("%s: runtime.Error: %v\n", name, re.Error())
		} else {
			fmt.Printf("%s: %T %v\n", name, r, r)
		}
		_, isErr := r.(error)
		fmt.Println("  is error:", isErr)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	j := 1
	var m map[string]int
	var p *T
	zero := 0
	var e interface{} = "str"
	n := -1
	check("index", func() { _ = s[i] })
	check("slice", func() { _ = s[i:] })
	check("slice3", func() { _ = s[2:j] })
	check("nilmap", func() { m["a"] = 1 })
	check("nilptr", func() { fmt.Println(p.x) })
	check("divide", func() { fmt.Println(10 / zero) })
	check("assert", func() { fmt.Println(e.(int)) })
	check("makeslice", func() { _ = make([]int, n) })
	check("string index", func() { _ = "abc"[i] })
	check("custom", func() { panic("just a string") })
}
