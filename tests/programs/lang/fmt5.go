package main

// Print, Println, Sprint, Sprintln, Sprintf and Fprint to stdout: Print adds
// spaces only between operands that are not strings, Println always separates
// with spaces and ends with a newline; return values (byte counts).

import (
	"fmt"
	"os"
)

func main() {
	fmt.Print("a", "b", 1, 2, "c", 3.5, true, "\n")
	fmt.Print(1, 2, 3, "\n")
	fmt.Println("a", "b", 1, 2)
	s := fmt.Sprint("x", 1, 2, "y", "z", 3)
	fmt.Println(s, len(s))
	s2 := fmt.Sprintln("x", 1)
	fmt.Printf("%q\n", s2)
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	n, _ = fmt.Printf("%d-%d\n", 1, 22)
	fmt.Println(n)
	fmt.Fprint(os.Stdout, "fprint ", 7, "\n")
	fmt.Fprintln(os.Stdout, "fprintln", 8)
	fmt.Fprintf(os.Stdout, "fprintf %03d\n", 9)
	fmt.Println()
	fmt.Print()
	fmt.Println(nil, []interface{}{nil, 1}, error(nil))
	fmt.Print(nil, nil, "\n")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprintf("%v", nil))
}
