package main

// os.Exit with a non-zero code: output printed before it appears, deferred
// calls do not run, the exit status is the code.

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("about to exit")
	fmt.Fprintln(os.Stderr, "error: something failed")
	os.Exit(3)
	fmt.Println("not reached")
}
