package main

// Widths, precisions and flags: %5d %-5d %05d %+d % d, %*d with a width
// argument, %.3s truncation, %10s/%-10s padding, %x with precision and width,
// %6.2f, %#v widths, padding with Unicode strings, and bad/missing/extra verbs.

import "fmt"

func main() {
	fmt.Printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+d]\n", 42, 42, 42, 42, 42, -42)
	fmt.Printf("[%*d] [%-*d] [%.*f]\n", 6, 7, 6, 7, 2, 3.14159)
	fmt.Printf("[%.3s] [%10s] [%-10s] [%10.2s]\n", "abcdef", "right", "left", "xyz")
	fmt.Printf("[%8x] [%-8X] [%08b] [%.4d] [%6.4d]\n", 255, 255, 5, 7, 7)
	fmt.Printf("[%5s] [%-5s]|\n", "日本", "é")
	fmt.Printf("[%5t] [%-6v] [%3c] [%-4q]\n", true, nil, 'x', 'y')
	fmt.Printf("[%6.2f%%]\n", 99.5)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%z\n", 3)
	fmt.Printf("[%v] [%10v] [%-10v]\n", []int{1}, []int{1, 2}, struct{ A int }{3})
	fmt.Printf("[%x] [% X] [%#x]\n", "abc", []byte{1, 171}, "hi")
	fmt.Printf("[%3d|%-3d|%03d]\n", -5, -5, -5)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%v %v\n", int64(-1)<<63, uint8(255))
}
