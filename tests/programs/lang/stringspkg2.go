package main

// strings.Contains, ContainsRune, ContainsAny, Index, LastIndex, IndexByte,
// IndexRune (byte offsets with multi-byte text), Count, Repeat, Replace (n and
// -1), ReplaceAll, EqualFold.

import (
	"fmt"
	"strings"
)

func main() {
	s := "chicken soup with chicken"
	fmt.Println(strings.Contains(s, "soup"), strings.Contains(s, "beef"), strings.Contains(s, ""))
	fmt.Println(strings.ContainsRune(s, 'w'), strings.ContainsAny(s, "xyz"), strings.ContainsAny(s, "xyzw"))
	fmt.Println(strings.Index(s, "chicken"), strings.LastIndex(s, "chicken"), strings.Index(s, "duck"), strings.Index(s, ""))
	fmt.Println(strings.IndexByte(s, 's'), strings.IndexRune("héllo wörld", 'ö'), strings.Index("日本語", "語"))
	fmt.Println(strings.Count(s, "c"), strings.Count("five", ""), strings.Count("aaaa", "aa"))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("-", 10), strings.Repeat("x", 0) == "")
	fmt.Println(strings.Replace(s, "chicken", "tofu", 1))
	fmt.Println(strings.Replace(s, "chicken", "tofu", -1))
	fmt.Println(strings.ReplaceAll("oink oink oink", "k", "ky"))
	fmt.Println(strings.Replace("abc", "", "-", -1))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Go", "Goo"))
}
