package main

// println: spaces between operands, newline at the end; all kinds of
// scalar operands; println() alone prints an empty line.

type Celsius int

func main() {
	println()
	println("hello, world")
	println(1, 2, 3)
	println(-1, -9223372036854775808, 9223372036854775807)
	var u uint64 = 18446744073709551615
	var u8 uint8 = 255
	var i8 int8 = -128
	println(u, u8, i8)
	println(true, false, true && false)
	println("mixed", 42, true, "end")
	var r rune = 'x'
	var by byte = 'A'
	println("rune/byte:", r, by)
	var t Celsius = -40
	println("named:", t)
	println("", "leading empty")
	println("trailing empty", "")
	println("tab\tand \"quotes\" and \\")
	println(0, -0, 1.0)
	var up uintptr = 4096
	println("uintptr:", up)
	var i16 int16 = -32768
	var u32 uint32 = 4294967295
	println(i16, u32)
}
