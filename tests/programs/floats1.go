package main

// float64 arithmetic and println's float format (+d.dddddde+ddd),
// including negative zero, infinities and NaN from variable operands.

//go:noinline
func zero() float64 { return 0 }

func main() {
	println(1.5, -2.25, 0.0, 100.0)
	println(1e100, 1e-100, 123456789.0, 0.1)
	var x float64 = 3
	y := x / 4
	println("3/4:", y)
	println("x*y-1:", x*y-1)
	z := zero()
	println("inf:", 1/z, -1/z)
	println("nan:", z/z)
	nz := -z
	println("neg zero:", nz, nz == 0)
	n := z / z
	println("nan compare:", n == n, n != n, n < 1)
	var acc float64
	for i := 1; i <= 10; i++ {
		acc += 1 / float64(i)
	}
	println("harmonic(10):", acc)
	println("compare:", 0.1+0.2 == 0.3, y > 0.7, y <= 0.75)
	f := 2.0
	f *= f
	f -= 0.5
	f /= 7
	println("ops:", f)
	println("small:", 5e-324, 1.7976931348623157e308)
	const c = 1.0 / 3
	println("const 1/3:", c)
}
