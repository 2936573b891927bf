package main

// Integer and string verbs: %d %b %o %O %x %X %#x %c %q %U %#U on ints, negative
// numbers, bytes and runes; %s %q %x % x on strings and byte slices.

import "fmt"

func main() {
	for _, n := range []int{0, 7, 255, -42, 65535} {
		fmt.Printf("%d %b %o %O %x %X %#x %#o\n", n, n, n, n, n, n, n, n)
	}
	for _, r := range []rune{'A', 'é', '世', '\n', 0x1F600} {
		fmt.Printf("%c %q %U %#U %d\n", r, r, r, r, r)
	}
	s := "héllo\t\"w\""
	fmt.Printf("%s|%q|%x|% x|%X\n", s, s, s, "hi!", "hi!")
	fmt.Printf("%#q %+q\n", "back`tick", "héllo")
	b := []byte("go")
	fmt.Printf("%s %q %x %v %d\n", b, b, b, b, b)
	fmt.Printf("%d %v %s\n", []int{1, 2}, [3]uint{4, 5, 6}, []string{"a", "b"})
	fmt.Printf("%x %X\n", []int{10, 255}, -255)
	fmt.Printf("%c|%c\n", 65, 0x4e16)
	fmt.Printf("%t %t %v\n", true, false, !true)
	var i8 int8 = -128
	var u64 uint64 = 1<<64 - 1
	fmt.Printf("%d %x %b %d %x\n", i8, i8, i8, u64, u64)
}
