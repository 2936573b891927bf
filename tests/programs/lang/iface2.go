package main

// Type assertions: to concrete types and to interfaces, with comma-ok (never
// panics), on nil interfaces, and with the zero value on failure.

import "fmt"

type Namer interface{ Name() string }
type Person struct{ n string }

func (p Person) Name() string { return p.n }

func main() {
	var x interface{} = 3.5
	f, ok := x.(float64)
	fmt.Println(f, ok)
	i, ok := x.(int)
	fmt.Println(i, ok)
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	x = Person{"ann"}
	n, ok := x.(Namer)
	fmt.Println(n.Name(), ok)
	p := x.(Person)
	fmt.Println(p.n)
	_, ok = x.(*Person)
	fmt.Println(ok)
	var empty interface{}
	_, ok = empty.(int)
	fmt.Println(ok)
	nn, ok := empty.(Namer)
	fmt.Println(nn == nil, ok)
	var nm Namer = Person{"bob"}
	if pp, ok := nm.(Person); ok {
		fmt.Println("person", pp.n)
	}
	st, ok := nm.(fmt.Stringer)
	fmt.Println(st, ok)
}
