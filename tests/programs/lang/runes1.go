package main

// Runes and bytes: rune arithmetic, byte/rune conversions, the unicode package
// (IsUpper, IsLower, IsDigit, IsLetter, IsSpace, IsPunct, ToUpper, ToLower),
// a Caesar cipher on a byte slice, counting character classes.

import (
	"fmt"
	"unicode"
)

func main() {
	r := 'a'
	r += 2
	fmt.Println(r, string(r), 'z'-'a', '0'+5, string(rune('0'+5)))
	var b byte = 'A'
	b += 25
	fmt.Println(b, string(b))
	counts := map[string]int{}
	for _, c := range "Hello, World 42! Ünïcödé" {
		switch {
		case unicode.IsUpper(c):
			counts["upper"]++
		case unicode.IsLower(c):
			counts["lower"]++
		case unicode.IsDigit(c):
			counts["digit"]++
		case unicode.IsSpace(c):
			counts["space"]++
		case unicode.IsPunct(c):
			counts["punct"]++
		}
	}
	fmt.Println(counts)
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Ä')), unicode.IsLetter('_'), unicode.IsLetter('ж'))
	msg := []byte("attack at dawn")
	for i, c := range msg {
		if c >= 'a' && c <= 'z' {
			msg[i] = 'a' + (c-'a'+3)%26
		}
	}
	fmt.Println(string(msg))
	digits := "9081726354"
	sum := 0
	for i := 0; i < len(digits); i++ {
		sum += int(digits[i] - '0')
	}
	fmt.Println(sum)
}
