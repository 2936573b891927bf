package main

// The flag package with no command-line arguments: Int, String, Bool, Float64,
// Duration-free defaults after Parse, NArg, Args, Arg(0) on an empty list,
// Parsed, and IntVar/StringVar/BoolVar into variables.

import (
	"flag"
	"fmt"
)

var verbose bool

func main() {
	n := flag.Int("n", 10, "number of items")
	name := flag.String("name", "world", "who to greet")
	loud := flag.Bool("loud", false, "shout")
	ratio := flag.Float64("ratio", 0.5, "a ratio")
	var depth int
	var mode string
	flag.IntVar(&depth, "depth", 3, "depth")
	flag.StringVar(&mode, "mode", "fast", "mode")
	flag.BoolVar(&verbose, "v", true, "verbose")
	fmt.Println(flag.Parsed())
	flag.Parse()
	fmt.Println(flag.Parsed())
	fmt.Println(*n, *name, *loud, *ratio, depth, mode, verbose)
	fmt.Println(flag.NArg(), flag.Args(), len(flag.Args()), flag.NFlag())
	fmt.Printf("%q\n", flag.Arg(0))
	for i := 0; i < *n; i++ {
		fmt.Print(i * depth, " ")
	}
	fmt.Println()
	fmt.Println("hello,", *name)
}
