package main

// Asserting from a non-empty interface to the wrong concrete type:
// "panic: interface conversion: main.Shape is main.Square, not main.Circle".

import "fmt"

type Shape interface{ Area() float64 }
type Square struct{ s float64 }
type Circle struct{ r float64 }

func (q Square) Area() float64 { return q.s * q.s }
func (c Circle) Area() float64 { return 3 * c.r * c.r }

func main() {
	var sh Shape = Square{2}
	fmt.Println(sh.Area())
	c := sh.(Circle)
	fmt.Println(c.r)
}
