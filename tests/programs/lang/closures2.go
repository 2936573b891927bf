package main

// Closures capturing loop variables with Go 1.19 semantics: a for-clause loop
// variable is one variable shared by every iteration, so closures created in
// the loop all see its final value; copying it (i := i) gives each its own.

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fs = nil
	for i := 0; i < 3; i++ {
		i := i
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], ps[0] == ps[2])
	var hs []func() int
	for i := 0; i < 3; i++ {
		hs = append(hs, func() int { i += 100; return i })
	}
	fmt.Println(hs[0](), hs[1]())
}
