package main

// Word counting with a map and a sorted report (by count, then by word),
// maps as sets, and len after many inserts and deletes.

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	text := "the quick brown fox jumps over the lazy dog the fox"
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	type wc struct {
		w string
		c int
	}
	var list []wc
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	for _, e := range list {
		fmt.Printf("%-6s %d\n", e.w, e.c)
	}
	set := map[int]bool{}
	for i := 0; i < 1000; i++ {
		set[i*7%100] = true
	}
	fmt.Println(len(set))
	for i := 0; i < 100; i += 2 {
		delete(set, i)
	}
	fmt.Println(len(set), set[3], set[4])
	seen := map[string]struct{}{}
	for _, s := range []string{"a", "b", "a", "c", "b"} {
		if _, dup := seen[s]; dup {
			fmt.Println("dup", s)
			continue
		}
		seen[s] = struct{}{}
	}
	fmt.Println(len(seen))
}
