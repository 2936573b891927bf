package main

// panic with a fmt.Stringer that is not an error: Go prints String()'s result.

import "fmt"

type State int

func (s State) String() string { return fmt.Sprintf("State<%d>", int(s)) }

func main() {
	fmt.Println(State(1))
	panic(State(7))
}
