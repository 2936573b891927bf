package main

// A panic with a string deep in a recursion (depth 50), with deferred prints in
// every frame that run before the panic message: the traceback lists the frames.

import "fmt"

func descend(n int) {
	defer func() {
		if n%10 == 0 {
			fmt.Println("unwinding", n)
		}
	}()
	if n == 50 {
		panic(fmt.Sprintf("too deep: %d", n))
	}
	descend(n + 1)
}

func main() {
	descend(0)
}
