package main

// The error interface: errors.New, custom error types with value and pointer
// receivers, returning nil error, comparing errors, errors as results.

import (
	"errors"
	"fmt"
)

type MyErr struct {
	Code int
	Msg  string
}

func (e *MyErr) Error() string { return fmt.Sprintf("code %d: %s", e.Code, e.Msg) }

var ErrNotFound = errors.New("not found")

func find(k int) (string, error) {
	switch {
	case k < 0:
		return "", &MyErr{400, "negative key"}
	case k > 10:
		return "", ErrNotFound
	}
	return fmt.Sprint("v", k), nil
}

func main() {
	for _, k := range []int{3, -1, 20} {
		v, err := find(k)
		if err != nil {
			fmt.Println("error:", err)
			if err == ErrNotFound {
				fmt.Println("  is ErrNotFound")
			}
			if me, ok := err.(*MyErr); ok {
				fmt.Println("  code", me.Code)
			}
			continue
		}
		fmt.Println("value:", v)
	}
	var err error
	fmt.Println(err == nil, err)
	err = errors.New("x")
	fmt.Println(err.Error(), err == errors.New("x"))
	fmt.Printf("%v|%s|%q\n", err, err, err)
}
