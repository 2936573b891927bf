package main

// strings.Builder (WriteString, WriteByte, WriteRune, Fprintf into it, Len,
// String, Reset), strings.Join, strings.Split (including empty separator and
// edge cases), strings.Fields.

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		sb.WriteString("x")
		sb.WriteByte('-')
	}
	sb.WriteRune('é')
	fmt.Fprintf(&sb, "[%d]", 42)
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())
	fmt.Println(strings.Join([]string{"a", "b", "c"}, ", "), strings.Join(nil, "x"), strings.Join([]string{"solo"}, "+"))
	for _, in := range []string{"a,b,c", "a,,b", ",", "", "abc"} {
		parts := strings.Split(in, ",")
		fmt.Printf("%q -> %q (%d)\n", in, parts, len(parts))
	}
	fmt.Printf("%q\n", strings.Split("héllo", ""))
	fmt.Printf("%q\n", strings.SplitN("a:b:c:d", ":", 2))
	fmt.Printf("%q\n", strings.Fields("  the  quick\tbrown\n fox  "))
	fmt.Printf("%q\n", strings.Fields("   "))
}
