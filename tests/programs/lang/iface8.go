package main

// Interface comparison: equal dynamic types and values are ==, different types
// are != even with equal underlying values; interfaces as map keys; comparing an
// interface with a concrete value.

import "fmt"

type A int
type B int

func main() {
	var x, y interface{} = 1, 1
	fmt.Println(x == y)
	y = A(1)
	fmt.Println(x == y)
	var p, q interface{} = A(1), B(1)
	fmt.Println(p == q, p == A(1), q == B(1))
	var s1, s2 interface{} = "go", "g" + "o"
	fmt.Println(s1 == s2)
	type pt struct{ x, y int }
	var a1, a2 interface{} = pt{1, 2}, pt{1, 2}
	fmt.Println(a1 == a2)
	m := map[interface{}]string{}
	m[1] = "int"
	m[A(1)] = "A"
	m["1"] = "string"
	m[pt{0, 0}] = "pt"
	fmt.Println(len(m), m[1], m[A(1)], m[pt{}], m[B(1)] == "")
	var e1, e2 error
	fmt.Println(e1 == e2)
	var n1 interface{} = nil
	fmt.Println(n1 == nil, x != nil)
}
