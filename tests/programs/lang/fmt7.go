package main

// %p on nil values (real addresses are not printed: they differ per run),
// pointer equality instead; %v on nil func, chan and pointer; %T of pointers,
// funcs, channels and nested types; %t of non-bools.

import "fmt"

type T struct{ a int }

func main() {
	var p *T
	var f func()
	var s []int
	var m map[string]int
	fmt.Printf("%p %p %p %p\n", p, f, s, m)
	fmt.Printf("%v %v\n", p, f == nil)
	a := &T{1}
	b := a
	c := &T{1}
	fmt.Println(a == b, a == c, *a == *c)
	fmt.Printf("%T %T %T %T %T\n", a, f, make(chan int), map[string][]*T{}, [3][]int{})
	fmt.Printf("%T %T %T\n", struct{ X int }{}, func(int, ...string) (bool, error) { return false, nil }, (*interface{})(nil))
	fmt.Printf("%t %t\n", 1, "x")
	fmt.Printf("%s\n", T{5})
	fmt.Printf("%d\n", T{5})
	fmt.Printf("%s %d\n", []interface{}{1, "a"}, []interface{}{1, "a"})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%5.2v|%x\n", 3.14159, 3.5)
}
