package main

// %v, %+v, %#v and %T on basic values, structs, nested structs, nil pointer
// fields (a non-nil nested pointer would print an address), pointers to
// structs, slices, arrays, maps, nil values, interfaces and named types.

import "fmt"

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	P     *Inner
	L     []int
	M     map[string]int
	E     interface{}
	f     float64
}

type Celsius float64
type Names []string

func main() {
	o := Outer{Name: "x", In: Inner{1, "b"}, L: []int{1, 2}, M: map[string]int{"k": 1}, f: 1.5}
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%#v\n", o.L)
	fmt.Printf("%#v\n", o.M)
	fmt.Printf("%T %T %T %T %T\n", o, o.P, o.L, o.M, o.E)
	vals := []interface{}{42, -7, uint8(200), 3.0, 2.5, float32(0.1), "s", 'r', true, nil, []string{"a"}, [2]bool{}, Celsius(36.6), Names{"x", "y"}, struct{}{}, 1e21, 1e-7, 100000000.0}
	for _, v := range vals {
		fmt.Printf("%v|%+v|%#v|%T\n", v, v, v, v)
	}
	var np *Inner
	var ns []int
	var nm map[int]int
	fmt.Printf("%v %v %v %+v\n", np, ns, nm, np)
	fmt.Printf("%#v %#v %#v\n", np, ns, nm)
	fmt.Printf("%v %+v\n", &o.In, &o.In)
	fmt.Printf("%#v\n", Celsius(3))
	fmt.Printf("%#v %#v %#v\n", "q\"s", 'x', 1e6)
}
