package main

// Integer wraparound at every width, signed and unsigned.

func main() {
	var a int8 = 127
	a++
	println("int8 127+1:", a)
	a = -128
	a--
	println("int8 -128-1:", a)
	var b uint8 = 255
	b++
	println("uint8 255+1:", b)
	b = 0
	b--
	println("uint8 0-1:", b)
	var c int16 = 32767
	c += 1
	println("int16:", c)
	var d uint16 = 0
	d -= 1
	println("uint16:", d)
	var e int32 = 2147483647
	e++
	println("int32:", e)
	var f uint32 = 4294967295
	f++
	println("uint32:", f)
	var g int64 = 9223372036854775807
	g++
	println("int64:", g)
	var h uint64 = 0
	h--
	println("uint64:", h)
	var i int = -9223372036854775808
	i--
	println("int:", i)
	var u uint = 0
	u--
	println("uint:", u)
	var m8 int8 = 100
	m8 *= 3
	println("int8 100*3:", m8)
	var m32 uint32 = 65536
	m32 *= 65536
	println("uint32 65536*65536:", m32)
	var n8 int8 = -128
	n8 = -n8
	println("int8 -(-128):", n8)
	var by byte = 200
	by += 100
	println("byte 200+100:", by)
	var p uintptr = 0
	p--
	println("uintptr 0-1:", p)
}
