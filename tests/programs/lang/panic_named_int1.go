package main

// panic with a value of a named integer type: Go 1.19 prints it as
// "main.Code(1) [recovered]" then "panic: main.Code(42)" after the re-panic.

type Code int

func main() {
	defer func() {
		r := recover()
		println("recovered a", r.(Code))
		panic(Code(42))
	}()
	panic(Code(1))
}
