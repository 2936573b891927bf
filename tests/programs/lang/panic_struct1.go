package main

// panic with a plain struct value (no Error or String method): Go prints the
// type and the address of the value: "panic: (main.T) 0x..." (the runner masks
// the address).

type T struct {
	A int
	B string
}

func main() {
	panic(T{1, "x"})
}
