package main

// panic with an error value: Go prints the result of its Error method:
// "panic: open config: permission denied", and for fmt.Errorf values the same.

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("open config: %w", errors.New("permission denied"))
	fmt.Println("failing")
	panic(err)
}
