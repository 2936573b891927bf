package main

// Conversions: string <-> []byte (copies), string <-> []rune, rune -> string,
// string(int) of integer values (valid, invalid and surrogate code points).

import "fmt"

func main() {
	s := "héllo"
	b := []byte(s)
	b[0] = 'H'
	fmt.Println(s, string(b), len(b), b)
	r := []rune(s)
	r[1] = 'e'
	fmt.Println(len(r), r, string(r))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)) == "\uFFFD", string(rune(0xD800)) == "\uFFFD", string(rune(0x10FFFF+1)) == "\uFFFD")
	var x rune = 'é'
	fmt.Println(x, string(x), len(string(x)))
	bs := []byte{104, 105, 0xe2, 0x82, 0xac}
	fmt.Println(string(bs), len(string(bs)))
	fmt.Println(string([]rune{0x48, 0x49, 0x1F600}))
	var nb []byte
	fmt.Println(string(nb) == "", len([]rune("")))
	c := s[1]
	fmt.Println(c, string(rune(c)))
	bb := []byte("abc")
	bb = append(bb, "def"...)
	fmt.Println(string(bb))
	i := 9731
	fmt.Println(string(rune(i)))
}
