package main

// Division and modulo: negative operands truncate toward zero,
// MinInt / -1 wraps, unsigned division, constant folding.

//go:noinline
func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	q, r := divmod(7, 2)
	println("7/2 7%2:", q, r)
	q, r = divmod(-7, 2)
	println("-7/2 -7%2:", q, r)
	q, r = divmod(7, -2)
	println("7/-2 7%-2:", q, r)
	q, r = divmod(-7, -2)
	println("-7/-2 -7%-2:", q, r)
	q, r = divmod(-9223372036854775808, -1)
	println("min/-1 min%-1:", q, r)
	var a8 int8 = -128
	var m8 int8 = -1
	println("int8 -128/-1:", a8/m8, a8%m8)
	var u uint64 = 18446744073709551615
	var d uint64 = 10
	println("uint64 max/10 max%10:", u/d, u%d)
	var s32 int32 = -100
	var t32 int32 = 7
	println("int32 -100/7 -100%7:", s32/t32, s32%t32)
	var x int = -37
	x /= 5
	println("-37 /= 5:", x)
	x = -37
	x %= 5
	println("-37 %= 5:", x)
	println("const -7/2 -7%2:", -7/2, -7%2)
	var pw int = 1024
	println("pow2:", pw/8, pw%8, -pw/8, (-pw-1)/8, (-pw-1)%8)
	var u8 uint8 = 250
	var v8 uint8 = 7
	println("uint8 250/7 250%7:", u8/v8, u8%v8)
}
