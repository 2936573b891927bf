package main

// Strings: len, indexing bytes, slicing, concatenation, comparison operators
// (byte-wise, lexicographic), strings are values (copies share nothing visible).

import "fmt"

func main() {
	s := "hello, world"
	fmt.Println(len(s), s[0], s[7], string(s[7]))
	fmt.Println(s[:5], s[7:], s[3:8], s[:], s[12:] == "")
	t := s[:5] + "!" + " " + s[7:]
	fmt.Println(t, len(t))
	u := t
	t += "?"
	fmt.Println(u, "|", t)
	words := []string{"apple", "Apple", "apples", "banana", "", "a"}
	for i := 0; i < len(words); i++ {
		for j := 0; j < len(words); j++ {
			if words[i] < words[j] {
				fmt.Printf("%q<%q ", words[i], words[j])
			}
		}
		fmt.Println()
	}
	fmt.Println("abc" == "ab"+"c", "abc" != "abd", "b" > "abc", "" < "a", "Z" < "a")
	var empty string
	fmt.Println(empty == "", len(empty))
	b := s[4]
	b++
	fmt.Println(b, s[4])
	x := "héllo"
	fmt.Println(len(x), x[1], x[2], x[1:3])
}
