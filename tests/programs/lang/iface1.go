package main

// Interfaces: dynamic dispatch over a slice of shapes, interface values holding
// values and pointers, interfaces passed to functions, and reassignment.

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64    { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func total(shapes []Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Rect{1, 1}}
	for _, s := range shapes {
		fmt.Printf("%T %.3f %.3f\n", s, s.Area(), s.Perimeter())
	}
	fmt.Printf("%.4f\n", total(shapes))
	var s Shape = Rect{2, 2}
	fmt.Println(s.Area())
	c := &Circle{2}
	s = c
	c.R = 3
	fmt.Printf("%.2f\n", s.Area())
	var e interface{} = 42
	fmt.Println(e)
	e = "str"
	fmt.Println(e)
}
