package main

// Deferred closures modifying named results: doubling the result, setting an
// error on the way out, the return statement's value assigned before defers run,
// and recover turning a panic into an error result.

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func counted() (n int) {
	defer func() { n++ }()
	n = 5
	return
}

func withErr(fail bool) (res string, err error) {
	defer func() {
		if err != nil {
			res = "failed"
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	if fail {
		return "partial", errors.New("boom")
	}
	return "ok", nil
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func main() {
	fmt.Println(double(), counted())
	fmt.Println(withErr(false))
	fmt.Println(withErr(true))
	fmt.Println(safeDiv(10, 3))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(unnamed())
}
