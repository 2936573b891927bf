package main

// A generic type: Stack[T] with methods, instantiated with int and string, and a
// generic Pair[K, V] struct. Must be reported as unsupported by gostack.

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	var si Stack[int]
	for i := 0; i < 3; i++ {
		si.Push(i * 10)
	}
	for {
		v, ok := si.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	ss := &Stack[string]{}
	ss.Push("a")
	ss.Push("b")
	fmt.Println(ss.Pop())
	p := Pair[string, int]{"x", 1}
	fmt.Printf("%+v %T\n", p, p)
}
