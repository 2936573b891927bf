package main

// recover returns the panic value of any type: string, int, float, error, a
// struct, a pointer, a slice; the function that recovered returns normally to
// its caller.

import (
	"errors"
	"fmt"
)

type Custom struct {
	Code int
	Why  string
}

func try(v interface{}) (out string) {
	defer func() {
		r := recover()
		out = fmt.Sprintf("%T %v", r, r)
	}()
	panic(v)
}

func main() {
	fmt.Println(try("text"))
	fmt.Println(try(42))
	fmt.Println(try(2.5))
	fmt.Println(try(errors.New("an error")))
	fmt.Println(try(Custom{7, "custom"}))
	c := &Custom{8, "ptr"}
	fmt.Println(try(c)[:13])
	fmt.Println(try([]int{1, 2}))
	fmt.Println(try(true))
	fmt.Println(try(fmt.Errorf("wrapped %d", 3)))
	fmt.Println("done")
}
