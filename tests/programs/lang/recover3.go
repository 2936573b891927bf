package main

// recover returns nil when there is no panic, when called not directly from a
// deferred function (from a helper it calls), and after the panic was already
// recovered; panic(nil) in Go 1.19 is recovered as nil.

import "fmt"

func helper() interface{} { return recover() }

func indirect() (got string) {
	defer func() {
		r := helper()
		got = fmt.Sprint("helper got ", r)
		if r2 := recover(); r2 != nil {
			got += fmt.Sprint("; direct got ", r2)
		}
	}()
	panic("p")
}

func twice() {
	defer func() {
		fmt.Println("second recover:", recover())
	}()
	defer func() {
		fmt.Println("first recover:", recover())
	}()
	panic("once")
}

func nilPanic() {
	defer func() {
		r := recover()
		fmt.Println("panic(nil) recovered:", r, r == nil)
	}()
	panic(nil)
}

func main() {
	fmt.Println("outside:", recover())
	defer func() { fmt.Println("no panic deferred:", recover()) }()
	fmt.Println(indirect())
	twice()
	nilPanic()
}
