package main

// unicode/utf8: RuneCountInString, RuneCount, DecodeRuneInString (valid,
// invalid, empty), DecodeLastRuneInString, RuneLen, ValidString, EncodeRune,
// RuneError, UTFMax, and walking a string rune by rune.

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("%d:%c:%d ", i, r, size)
		i += size
	}
	fmt.Println()
	r, size := utf8.DecodeRuneInString("")
	fmt.Println(r, size, r == utf8.RuneError)
	r, size = utf8.DecodeRuneInString("\xff\xfe")
	fmt.Println(r, size, r == utf8.RuneError)
	r, size = utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), size)
	for _, c := range []rune{'a', 'é', '世', '😀', -1, 0x110000} {
		fmt.Print(utf8.RuneLen(c), " ")
	}
	fmt.Println()
	fmt.Println(utf8.ValidString(s), utf8.ValidString("a\xffb"), utf8.ValidString(""), utf8.Valid([]byte{0xe4, 0xb8}))
	buf := make([]byte, utf8.UTFMax)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], n, utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune)
	fmt.Println(utf8.RuneCountInString("a\xffb\xe2\x82"), utf8.ValidRune(0xD800), utf8.FullRuneInString("\xe2\x82"))
	fmt.Println(string(utf8.AppendRune(nil, 'ü')))
}
