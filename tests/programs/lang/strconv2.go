package main

// strconv.FormatInt (bases 2, 8, 16, 36), ParseInt (base 0 prefixes, bit
// sizes, range errors), ParseBool, ParseFloat, FormatFloat, Quote, QuoteRune,
// Unquote, AppendInt.

import (
	"fmt"
	"strconv"
)

func main() {
	for _, b := range []int{2, 8, 10, 16, 36} {
		fmt.Print(strconv.FormatInt(-255, b), " ")
	}
	fmt.Println(strconv.FormatUint(1<<63, 16))
	cases := []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"0x1F", 0, 64}, {"0b101", 0, 8}, {"0o17", 0, 64}, {"128", 10, 8}, {"-128", 10, 8}, {"z", 36, 64}, {"1_000", 0, 64}, {"12", 2, 64}}
	for _, c := range cases {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(c.s, v, err)
	}
	for _, s := range []string{"true", "F", "1", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err)
	}
	f, err := strconv.ParseFloat("3.25e2", 64)
	fmt.Println(f, err)
	_, err = strconv.ParseFloat("x1", 64)
	fmt.Println(err)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.000125, 'e', 3, 64))
	fmt.Println(strconv.Quote("hi \"there\"\n\ttab é \x00"), strconv.QuoteToASCII("é☺"), strconv.QuoteRune('☺'))
	u, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", u, err)
	_, err = strconv.Unquote("noquotes")
	fmt.Println(err)
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, -42, 10)
	fmt.Println(string(buf))
}
