package main

// Methods on named non-struct types: an int-based enum with a String method,
// a slice type with methods (including a pointer receiver that appends), a
// func type with a method, a map type with methods.

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack) Len() int { return len(s) }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }

func main() {
	fmt.Println(Red, Blue, Color(7))
	fmt.Printf("%v %d %s\n", Green, Green, Green)
	var s Stack
	for i := 1; i <= 4; i++ {
		s.Push(i * i)
	}
	fmt.Println(s.Len(), s.Pop(), s.Pop(), s)
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Apply(3, 4))
	set := Set{}
	set.Add("x")
	set.Add("y")
	fmt.Println(len(set), set)
}
