package main

// Constants: iota, skipped values, implicit repetition, typed constants,
// untyped constant arithmetic with large intermediate values.

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const big = 1 << 100
const small = big >> 98
const typed int8 = 100
const half = 2.5
const mask uint16 = 1<<16 - 1
const greeting = "hello"

const (
	x0 = iota * iota
	x1
	x2
	x3 = "str"
	x4
	x5 = iota + 100
)

func main() {
	println("weekdays:", Sunday, Monday, Tuesday, Thursday)
	println("sizes:", KB, MB, GB, TB)
	println("pairs:", a, b, c, d, e, f)
	println("big>>98:", small)
	println("typed:", typed, typed/3, typed-101)
	println("half*4:", int(half*4), half*4)
	println("mask:", mask, mask>>8)
	println(greeting, x0, x1, x2, x3, x4, x5)
	var w Weekday = Thursday
	w += 2
	println("w:", w, w > Monday)
	println("const expr:", (big/(big>>10))*3+7%4, 1e3, 'a', 'a'+1)
}
