package main

// Slicing a string past its length: "slice bounds out of range [:10] with length 5".

import "fmt"

func main() {
	s := "hello"
	n := 10
	fmt.Println(s[:3])
	fmt.Println(s[:n])
}
