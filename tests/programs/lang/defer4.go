package main

// defer inside loops with closures (each closure gets the loop variable's value
// through a parameter), defers in a recursive function unwinding in order,
// and a deferred call of a nil-checked function variable.

import "fmt"

func rec(n int) {
	if n == 0 {
		fmt.Println("bottom")
		return
	}
	defer fmt.Println("unwind", n)
	rec(n - 1)
}

func cleanup(names []string) {
	for _, n := range names {
		defer func(s string) { fmt.Println("close", s) }(n)
	}
	fmt.Println("opened", len(names))
}

func sumDeferred() (total int) {
	for i := 1; i <= 4; i++ {
		defer func(k int) { total += k * k }(i)
	}
	return 0
}

func main() {
	rec(4)
	cleanup([]string{"a", "b", "c"})
	fmt.Println(sumDeferred())
	var hook func()
	defer func() {
		if hook != nil {
			hook()
		}
	}()
	hook = func() { fmt.Println("hook ran") }
}
