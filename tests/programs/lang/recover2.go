package main

// Re-panicking: a deferred function recovers, inspects and panics again with a
// new value; an outer recover sees the new value. Also a recover in a deeper
// frame than the panic, and execution continuing after the recovering call.

import "fmt"

func inner() {
	defer func() {
		r := recover()
		fmt.Println("inner recovered:", r)
		panic(fmt.Sprintf("re-panic(%v)", r))
	}()
	panic("original")
}

func middle() {
	defer fmt.Println("middle deferred runs during panic")
	inner()
	fmt.Println("not reached")
}

func outer() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("outer recovered: ", r)
		}
	}()
	middle()
	return "normal"
}

func main() {
	fmt.Println(outer())
	fmt.Println("after outer")
	for i := 0; i < 3; i++ {
		func() {
			defer func() { fmt.Println("iteration", i, "recovered", recover()) }()
			if i%2 == 0 {
				panic(i * 10)
			}
		}()
	}
}
