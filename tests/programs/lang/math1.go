package main

// math.Sqrt, Pow, Abs, Floor, Ceil, Trunc, Round, Mod, Exp, Log, Log2, Log10,
// Sin, Cos, Atan2, Hypot, Cbrt printed with %v and %.6f.

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Sqrt(144), math.Sqrt(-1))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(10, -2), math.Pow(0, 0))
	fmt.Println(math.Abs(-3.2), math.Abs(4), math.Floor(-2.5), math.Ceil(-2.5), math.Floor(2.7), math.Ceil(2.1))
	fmt.Println(math.Trunc(-2.7), math.Round(2.5), math.Round(-2.5), math.Round(2.4), math.Mod(7, 3), math.Mod(-7, 3))
	fmt.Printf("%.6f %.6f %.6f %.6f\n", math.Exp(1), math.Log(10), math.Log2(8), math.Log10(1000))
	fmt.Printf("%.6f %.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Atan2(1, 1), math.Hypot(3, 4))
	fmt.Println(math.Cbrt(27), math.Max(3, 7), math.Min(3, 7))
	r := 2.5
	fmt.Printf("area %.4f circumference %.4f\n", math.Pi*r*r, 2*math.Pi*r)
	fmt.Println(int(math.Floor(7.9)), int64(math.Pow(3, 20)))
}
