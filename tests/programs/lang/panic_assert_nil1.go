package main

// Asserting on a nil interface: "panic: interface conversion: main.Shape is nil, not main.T".

import "fmt"

type T struct{}

func (T) Area() float64 { return 0 }

type Shape interface{ Area() float64 }

func main() {
	var s Shape
	fmt.Println(s == nil)
	t := s.(T)
	fmt.Println(t)
}
