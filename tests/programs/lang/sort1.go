package main

// sort.Ints, sort.Strings, sort.Float64s, sort.IntsAreSorted, sort.SearchInts,
// sort.Sort(sort.Reverse(sort.IntSlice(...))), and a type implementing
// sort.Interface.

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	ints := []int{5, 2, 8, -1, 9, 2, 0}
	fmt.Println(sort.IntsAreSorted(ints))
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints))
	fmt.Println(sort.SearchInts(ints, 5), sort.SearchInts(ints, 6), sort.SearchInts(ints, 100))
	strs := []string{"pear", "Apple", "banana", "apple", "cherry", ""}
	sort.Strings(strs)
	fmt.Printf("%q\n", strs)
	fl := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	words := byLen{"ccc", "a", "dddd", "bb", "e"}
	sort.Stable(words)
	fmt.Println(words)
	big := make([]int, 100)
	for i := range big {
		big[i] = (i * 37) % 101
	}
	sort.Ints(big)
	fmt.Println(big[:10], big[90:])
}
