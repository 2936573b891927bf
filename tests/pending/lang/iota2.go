package main

// const and iota: typed and untyped constants, iota expressions (bit flags,
// KB/MB/GB sizes with shifts), skipped values, iota restarting in each const
// block, multiple iotas per line, huge untyped constants used in expressions.

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

type Flag uint8

const (
	FlagA Flag = 1 << iota
	FlagB
	_
	FlagD
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const big = 1 << 100
const pi = 3.14159265358979323846264338327950288

const greeting = "hello"
const typed int64 = 5

func main() {
	fmt.Println(Sunday, Monday, Tuesday)
	fmt.Printf("%T %v\n", Monday, Monday)
	fmt.Println(FlagA, FlagB, FlagD, FlagA|FlagD)
	fmt.Println(KB, MB, GB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(big>>98, big/(1<<99))
	fmt.Println(pi, float32(pi))
	fmt.Println(greeting+" world", len(greeting))
	fmt.Printf("%T %T %T %T\n", typed, 'x', 1.5, 2+3i)
	const local = iota
	fmt.Println(local)
	var x uint8 = 255
	fmt.Println(x + 1)
}
