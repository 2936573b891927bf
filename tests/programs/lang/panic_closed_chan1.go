package main

// Sending on a closed channel: "panic: send on closed channel"; recovering it as
// runtime.Error first, then doing it again unrecovered.

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int, 1)
	close(ch)
	func() {
		defer func() {
			r := recover()
			_, ok := r.(runtime.Error)
			fmt.Println("recovered:", r, ok)
		}()
		ch <- 1
	}()
	v, ok := <-ch
	fmt.Println(v, ok)
	ch <- 2
}
