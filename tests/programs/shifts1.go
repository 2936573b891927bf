package main

// Signed/unsigned shifts, including counts >= the operand width.

//go:noinline
func count(n uint) uint { return n }

func main() {
	var x int8 = -128
	var y uint8 = 0x80
	var z int64 = -1
	var w uint64 = 1
	for i := uint(0); i <= 9; i += 3 {
		println("int8 -128 >>", i, "=", x>>i, " uint8 0x80 >>", i, "=", y>>i)
	}
	println("int8 1<<7:", int8(1)<<count(7))
	println("uint8 1<<8:", uint8(1)<<count(8))
	println("int64 -1>>63:", z>>count(63), " -1>>64:", z>>count(64), " -1>>200:", z>>count(200))
	println("int64 -1<<64:", z<<count(64))
	println("uint64 1<<63:", w<<count(63), " 1<<64:", w<<count(64))
	println("uint64 max>>63:", ^uint64(0)>>count(63), " >>64:", ^uint64(0)>>count(64))
	var a int32 = -17
	println("int32 -17>>2:", a>>2, " -17<<3:", a<<3)
	var b uint32 = 0xdeadbeef
	println("uint32 rot:", b<<8|b>>24)
	var c int = 5
	var sh int = 3
	println("signed count:", c<<sh, c>>sh)
	var u16 uint16 = 0xffff
	println("uint16 <<4:", u16<<4, " >>4:", u16>>4)
	println("const shifts:", 1<<10, -1>>3, uint32(1)<<31)
}
