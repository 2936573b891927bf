package main

// A benchmark-style program that takes its size from flag.Arg(0) when present
// (none here, so the default is used), then flag.Lookup and flag.VisitAll to list
// the defined flags in sorted order.

import (
	"flag"
	"fmt"
	"strconv"
)

func main() {
	size := flag.Int("size", 8, "problem size")
	flag.String("out", "-", "output")
	flag.Parse()
	n := *size
	if flag.NArg() > 0 {
		v, err := strconv.Atoi(flag.Arg(0))
		if err == nil {
			n = v
		}
	}
	fmt.Println("n =", n)
	f := flag.Lookup("size")
	fmt.Println(f.Name, f.Value, f.DefValue, f.Usage)
	fmt.Println(flag.Lookup("missing") == nil)
	flag.VisitAll(func(f *flag.Flag) {
		fmt.Printf("-%s=%s (%s)\n", f.Name, f.Value.String(), f.Usage)
	})
	count := 0
	flag.Visit(func(*flag.Flag) { count++ })
	fmt.Println("set flags:", count)
	tri := 0
	for i := 1; i <= n; i++ {
		tri += i
	}
	fmt.Println("triangle", tri)
}
