package main

// recover at several levels of a deep recursion: frames at depths that are
// multiples of 2000 recover the panic raised below them and re-panic with a
// longer chain; a runtime error (index out of range) starts it at depth 9999.

import (
	"fmt"
	"strings"
)

func level(n int, data []int) {
	if n%2000 == 0 && n > 0 {
		defer func() {
			r := recover()
			panic(fmt.Sprintf("%d<-%v", n, r))
		}()
	}
	if n == 9999 {
		_ = data[n]
	}
	level(n+1, data)
}

func main() {
	defer func() {
		r := recover()
		s := fmt.Sprint(r)
		fmt.Println(strings.Count(s, "<-"))
		fmt.Println(s)
	}()
	level(1, make([]int, 10))
}
