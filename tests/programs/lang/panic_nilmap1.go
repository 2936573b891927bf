package main

// Writing to a nil map: "panic: assignment to entry in nil map", exit 2 (reading
// and deleting are fine).

import "fmt"

type registry struct {
	entries map[string]int
}

func main() {
	var r registry
	fmt.Println(r.entries["x"], len(r.entries))
	delete(r.entries, "x")
	r.entries["x"] = 1
	fmt.Println("not reached")
}
