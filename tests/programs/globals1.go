package main

// Package-level variables: initializers that depend on each other (Go
// initializes them in dependency order, not source order), zero values,
// global arrays and structs, functions reading and writing globals.

var total = a + b + c
var a = b * 2
var b = initB()
var c int
var counter int
var table [5]int
var origin = point{x: a, y: -1}
var initOrder [4]int
var nextSlot int

type point struct{ x, y int }

func initB() int {
	record(2)
	println("initB called, c =", c)
	return 21
}

func record(v int) {
	initOrder[nextSlot] = v
	nextSlot++
}

var d = later()

func later() int {
	record(3)
	return total + 1
}

func bumpCounter() int {
	counter++
	table[counter%5] += counter
	return counter
}

func main() {
	println("a b c total d:", a, b, c, total, d)
	println("origin:", origin.x, origin.y)
	println("order:", initOrder[0], initOrder[1], initOrder[2], nextSlot)
	for i := 0; i < 12; i++ {
		bumpCounter()
	}
	println("counter:", counter)
	println("table:", table[0], table[1], table[2], table[3], table[4])
	origin.y = 9
	o := origin
	origin.x = 0
	println("copy:", o.x, o.y, origin.x)
}
