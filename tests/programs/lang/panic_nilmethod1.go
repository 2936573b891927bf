package main

// Calling a method that reads a field through a nil pointer:
// "panic: runtime error: invalid memory address or nil pointer dereference"
// followed by "[signal SIGSEGV: segmentation violation ...]".

import "fmt"

type Node struct {
	val  int
	next *Node
}

func (n *Node) Value() int { return n.val }

func main() {
	list := &Node{1, &Node{2, nil}}
	for n := list; n != nil; n = n.next {
		fmt.Println(n.Value())
	}
	var empty *Node
	fmt.Println(empty.next.Value())
}
