package main

// os.Exit(42) from inside a deferred function during a panic: the panic message
// is never printed, the exit code is 42.

import (
	"fmt"
	"os"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "- exiting with 42")
		os.Exit(42)
	}()
	panic("going down")
}
