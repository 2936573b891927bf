package main

// A panic in a deferred function while another panic is unwinding, without
// recover: Go prints both, "panic: first" then "\tpanic: second".

import "fmt"

func main() {
	defer func() {
		panic("second")
	}()
	fmt.Println("start")
	panic("first")
}
