package main

// A recovered panic followed by a new one: Go prints "panic: first [recovered]"
// then "\tpanic: second". (The deferred function recovers and panics again.)

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("got", r)
		panic("second")
	}()
	panic("first")
}
