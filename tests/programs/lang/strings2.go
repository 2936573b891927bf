package main

// range over a string yields (byte index, rune): multi-byte UTF-8 sequences
// advance the index by their length, invalid bytes yield U+FFFD one byte at a time.

import "fmt"

func main() {
	for i, r := range "aé€😀" {
		fmt.Println(i, r, string(r), fmt.Sprintf("%U", r))
	}
	bad := "a\xffb\xe2\x82c\xc0"
	for i, r := range bad {
		fmt.Printf("%d:%q(%d) ", i, r, r)
	}
	fmt.Println()
	n := 0
	for range "日本語" {
		n++
	}
	fmt.Println("runes:", n, "bytes:", len("日本語"))
	for i := range "añb" {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var last rune
	for _, r := range "xyz" {
		last = r
	}
	fmt.Println(last, string(last))
}
