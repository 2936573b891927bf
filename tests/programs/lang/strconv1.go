package main

// strconv.Itoa and strconv.Atoi, including Atoi's errors (*strconv.NumError:
// invalid syntax, value out of range) printed and inspected.

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-123), strconv.Itoa(1<<40))
	s := strconv.Itoa(99) + "!"
	fmt.Println(s, len(s))
	for _, in := range []string{"42", "-7", "+3", "007", "", "12a", "3.5", " 1", "99999999999999999999", "-9223372036854775808"} {
		n, err := strconv.Atoi(in)
		if err != nil {
			fmt.Printf("%q: error %v\n", in, err)
			var ne *strconv.NumError
			if errors.As(err, &ne) {
				fmt.Println("   func", ne.Func, "num", strconv.Quote(ne.Num), "err", ne.Err, ne.Err == strconv.ErrSyntax, ne.Err == strconv.ErrRange)
			}
			continue
		}
		fmt.Printf("%q: %d\n", in, n)
	}
}
