package main

// A failed type assertion without comma-ok:
// "panic: interface conversion: interface {} is string, not int".

import "fmt"

func main() {
	var v interface{} = "text"
	s := v.(string)
	fmt.Println(s)
	n := v.(int)
	fmt.Println(n)
}
