package main

// errors.As into a pointer to a custom error type (pointer and value receivers),
// through wrapping; errors.Unwrap step by step; a custom Unwrap method.

import (
	"errors"
	"fmt"
)

type PathError struct {
	Op, Path string
	Err      error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

type Temporary struct{ msg string }

func (t Temporary) Error() string { return "temporary: " + t.msg }

var ErrMissing = errors.New("file does not exist")

func open(name string) error {
	return fmt.Errorf("config: %w", &PathError{"open", name, ErrMissing})
}

func main() {
	err := open("/etc/app.conf")
	fmt.Println(err)
	var pe *PathError
	if errors.As(err, &pe) {
		fmt.Println("as PathError:", pe.Op, pe.Path, pe.Err)
	}
	fmt.Println(errors.Is(err, ErrMissing))
	var tmp Temporary
	fmt.Println(errors.As(err, &tmp))
	err2 := fmt.Errorf("retry: %w", Temporary{"busy"})
	if errors.As(err2, &tmp) {
		fmt.Println("as Temporary:", tmp.msg)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Printf("%T: %v\n", e, e)
	}
}
