package main

// fmt.Errorf: formatting, %w wrapping (Unwrap), errors wrapping errors, %v and
// %s and %q on errors, %+v on a wrapped error, nil error formatting.

import (
	"errors"
	"fmt"
)

func main() {
	base := errors.New("base failure")
	e1 := fmt.Errorf("level1: %w", base)
	e2 := fmt.Errorf("level2 (%d): %w", 2, e1)
	fmt.Println(e2)
	fmt.Println(errors.Unwrap(e2) == e1, errors.Unwrap(e1) == base, errors.Unwrap(base) == nil)
	fmt.Printf("%v|%s|%q|%+v\n", e1, e1, e1, e1)
	fmt.Printf("%T %T %T\n", base, e1, fmt.Errorf("no wrap %v", base))
	e3 := fmt.Errorf("plain %d %s", 7, "x")
	fmt.Println(e3, errors.Unwrap(e3) == nil)
	var nilErr error
	fmt.Printf("%v\n", nilErr)
	fmt.Println(fmt.Errorf("wrap nil: %w", nilErr))
	fmt.Println(fmt.Errorf("%w", "not an error"))
	fmt.Println(fmt.Errorf("missing %d"))
}
