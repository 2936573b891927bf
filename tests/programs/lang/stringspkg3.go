package main

// strings.ToUpper, ToLower (including non-ASCII), Title-less capitalising,
// TrimSpace, Trim, TrimLeft, TrimRight, TrimPrefix, TrimSuffix, HasPrefix,
// HasSuffix, Compare, Map, strings.NewReplacer.

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.ToUpper("hello, wörld ß"), strings.ToLower("HELLO ÄÖÜ"))
	fmt.Printf("%q\n", strings.TrimSpace("  \t padded \n "))
	fmt.Printf("%q %q %q\n", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"), strings.TrimPrefix("abc", "x"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasPrefix("golang", "lang"), strings.HasSuffix("golang", "lang"), strings.HasSuffix("", ""))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "Hello, Gopher!"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	w := "word"
	fmt.Println(strings.ToUpper(w[:1]) + w[1:])
	fmt.Println(strings.Title("x"))
}
