package main

// Output to both streams: fmt.Fprintln/Fprintf/Fprint to os.Stderr interleaved
// with stdout; println (the builtin) also writes to stderr; exit code 0.

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("stdout 1")
	fmt.Fprintln(os.Stderr, "stderr 1", 2, true)
	fmt.Fprintf(os.Stderr, "stderr %s %d\n", "two", 2)
	fmt.Fprint(os.Stderr, "stderr", 3, "\n")
	println("builtin println", 4)
	fmt.Println("stdout 2")
	n, err := fmt.Fprintln(os.Stderr, "bytes")
	fmt.Println(n, err)
	os.Stdout.WriteString("direct write\n")
	os.Stderr.Write([]byte("raw bytes to stderr\n"))
}
