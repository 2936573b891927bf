package main

// Asserting to an interface the dynamic type does not implement:
// "panic: interface conversion: main.T is not main.I: missing method M".

import "fmt"

type I interface{ M() }

type T struct{ n int }

func (t T) N() int { return t.n }

func main() {
	var x interface{} = T{1}
	fmt.Println(x.(T).N())
	i := x.(I)
	i.M()
}
