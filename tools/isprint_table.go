// isprint_table prints the ranges of runes that Go's strconv.IsPrint accepts,
// as a Python tuple literal, for gostack/stdlib/strconv.py (_PRINT_RANGES).
// Build it with Go 1.19 and run the binary; the table follows the Unicode
// version of that Go release (13.0), not the host Python's unicodedata.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	var parts []string
	start := rune(-1)
	for r := rune(0); r <= utf8.MaxRune+1; r++ {
		p := r <= utf8.MaxRune && strconv.IsPrint(r)
		if p && start < 0 {
			start = r
		} else if !p && start >= 0 {
			parts = append(parts, fmt.Sprintf("(0x%X, 0x%X)", start, r-1))
			start = -1
		}
	}
	var b strings.Builder
	line := "   "
	for _, p := range parts {
		if len(line)+len(p)+2 > 88 {
			b.WriteString(line + "\n")
			line = "   "
		}
		line += " " + p + ","
	}
	b.WriteString(line + "\n")
	fmt.Printf("# %d ranges\n%s", len(parts), b.String())
}
