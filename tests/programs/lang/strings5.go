package main

// Formatting a text table with Sprintf padding and strings.Repeat, building a
// CSV line, and string comparison in sorting-free max/min searches.

import (
	"fmt"
	"strings"
)

type row struct {
	name  string
	qty   int
	price float64
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"kiwi", 12, 0.2}}
	header := fmt.Sprintf("%-12s %5s %8s", "item", "qty", "total")
	fmt.Println(header)
	fmt.Println(strings.Repeat("=", len(header)))
	grand := 0.0
	for _, r := range rows {
		t := float64(r.qty) * r.price
		grand += t
		fmt.Printf("%-12s %5d %8.2f\n", r.name, r.qty, t)
	}
	fmt.Printf("%-12s %5s %8.2f\n", "TOTAL", "", grand)
	var fields []string
	for _, r := range rows {
		fields = append(fields, fmt.Sprintf("%s:%d", r.name, r.qty))
	}
	fmt.Println(strings.Join(fields, ","))
	longest, first := "", "~"
	for _, r := range rows {
		if len(r.name) > len(longest) {
			longest = r.name
		}
		if r.name < first {
			first = r.name
		}
	}
	fmt.Println(longest, first)
}
