package main

// Strings built in loops, strings in structs, arrays and maps; switch on strings;
// a string shared by many values; reversing by runes.

import "fmt"

type person struct {
	name string
	tags [2]string
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func kind(s string) string {
	switch s {
	case "":
		return "empty"
	case "a", "e", "i", "o", "u":
		return "vowel"
	default:
		if len(s) > 3 {
			return "long"
		}
		return "other"
	}
}

func main() {
	acc := ""
	for i := 0; i < 10; i++ {
		acc += string(rune('a' + i))
	}
	fmt.Println(acc)
	p := person{name: "ann", tags: [2]string{"x", "y"}}
	q := p
	q.name += "e"
	q.tags[0] = "z"
	fmt.Println(p.name, p.tags, q.name, q.tags)
	fmt.Println(reverse("Hello, 世界"), reverse(""), reverse("a"))
	for _, w := range []string{"", "a", "bc", "hello"} {
		fmt.Println(w, kind(w))
	}
}
