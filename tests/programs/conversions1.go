package main

// Conversions between integer widths (truncation, sign extension,
// reinterpretation) and between float64 and integers (truncation toward zero).

func main() {
	var big int64 = 0x123456789
	println("int64->int32:", int32(big), "->int16:", int16(big), "->int8:", int8(big))
	println("int64->uint8:", uint8(big), "->uint16:", uint16(big), "->uint32:", uint32(big))
	var neg int8 = -2
	println("int8 -2 ->uint8:", uint8(neg), "->uint16:", uint16(neg), "->uint64:", uint64(neg))
	println("int8 -2 ->int64:", int64(neg), "->int:", int(neg))
	var u8 uint8 = 0xfe
	println("uint8 0xfe ->int8:", int8(u8), "->int64:", int64(u8))
	var u64 uint64 = 18446744073709551615
	println("uint64 max ->int64:", int64(u64), "->int32:", int32(u64), "->uint32:", uint32(u64))
	var f float64 = 2.9
	println("2.9 ->int:", int(f), " -2.9 ->int:", int(-f))
	f = -0.5
	println("-0.5 ->int:", int(f))
	f = 1e10
	println("1e10 ->int64:", int64(f), "->uint64:", uint64(f))
	var i int = 7
	println("7 ->float64:", float64(i), " /2:", float64(i)/2, " int div:", i/2)
	var i8 int8 = -100
	println("int8 -100 ->float64:", float64(i8))
	var u32 uint32 = 4000000000
	println("uint32 4e9 ->float64:", float64(u32), "->int32:", int32(u32))
	var r rune = 'Z'
	var b byte = byte(r + 1)
	println("rune/byte:", r, b, rune(b)-r)
	var p uintptr = uintptr(i) * 8
	println("uintptr:", p, int(p))
	x := 300
	println("int 300 ->uint8:", uint8(x), "->int8:", int8(x))
	var ff float64 = float64(int64(1)<<53) + 1
	println("2^53+1 ->int64:", int64(ff))
}
