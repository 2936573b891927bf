package main

// Panics inside deferred functions: a deferred function that panics during
// normal return, one that panics while another panic is unwinding (the new
// panic replaces the old one for recover), and deferred calls that still run.

import "fmt"

func deferPanics() (r interface{}) {
	defer func() { r = recover() }()
	defer func() { panic("from defer") }()
	fmt.Println("body returns normally")
	return nil
}

func replace() (r interface{}) {
	defer func() { r = recover() }()
	defer fmt.Println("still runs")
	defer func() { panic("second") }()
	panic("first")
}

func chain() (out []interface{}) {
	defer func() { out = append(out, recover()) }()
	defer func() {
		out = append(out, recover())
		panic("third")
	}()
	defer func() { panic("second") }()
	panic("first")
}

func main() {
	fmt.Println(deferPanics())
	fmt.Println(replace())
	fmt.Println(chain())
}
