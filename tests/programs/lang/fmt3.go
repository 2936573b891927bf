package main

// Float verbs: %f %.2f %e %E %g %G %8.3f %-8.2f| %+.1e, %v of floats (shortest
// representation, exponent switch), special values, float32 vs float64.

import (
	"fmt"
	"math"
)

func main() {
	vals := []float64{0, 1, -1.5, 3.14159265, 1e6, 1e21, 1e-5, 123456789.123, 2.0 / 3, 1e100}
	for _, v := range vals {
		fmt.Printf("%f|%.2f|%e|%E|%g|%G|%v\n", v, v, v, v, v, v, v)
	}
	fmt.Printf("[%8.3f] [%-8.2f] [%+.1e] [%08.3f] [% .2f]\n", math.Pi, math.E, 12345.678, -3.5, 2.0)
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%.3g %.10g %g %g\n", 1234567.0, 1.0/3, 1e-4, 1e-5)
	fmt.Printf("%v %v %v %f\n", math.Inf(1), math.Inf(-1), math.NaN(), math.Inf(1))
	fmt.Printf("%5.1f|%-7v|%7v\n", math.NaN(), 1.5, -2.25)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32), f32*3)
	fmt.Println(0.1+0.2, 1/3.0, 100.0, 1e20, 1e21, -0.0, 5e-324)
	fmt.Printf("%b\n", 1.0)
	fmt.Printf("%x %X\n", 1.0, 3.5)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(float32(1)/3, float32(16777217))
}
