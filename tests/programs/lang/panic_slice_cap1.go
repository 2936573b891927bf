package main

// Slicing beyond capacity: "slice bounds out of range [:8] with capacity 5".

import "fmt"

func main() {
	s := make([]int, 3, 5)
	n := 8
	fmt.Println(len(s[:5]), cap(s))
	t := s[:n]
	fmt.Println(t)
}
