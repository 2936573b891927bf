package main

// math constants and special values: Inf, NaN (NaN != NaN, IsNaN, IsInf),
// Max/Min with NaN and infinities, MaxInt64, MinInt64, MaxInt32, MaxUint32,
// MaxInt8, MaxFloat64, Pi, E, Sqrt2, Signbit of negative zero, Float64bits.

import (
	"fmt"
	"math"
)

func main() {
	inf := math.Inf(1)
	nan := math.NaN()
	fmt.Println(inf, -inf, nan, inf > 1e308, nan == nan, nan != nan)
	fmt.Println(math.IsNaN(nan), math.IsInf(inf, 1), math.IsInf(-inf, 0), math.IsInf(1, 0))
	fmt.Println(math.Max(1, nan), math.Min(inf, 3), math.Max(-inf, -1e300), math.Min(-0.0, 0))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32, math.MaxInt8, math.MaxUint8, math.MaxUint16)
	fmt.Println(uint32(math.MaxUint32), uint64(math.MaxUint64), math.MaxInt)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.Phi, math.Ln2)
	negz := math.Copysign(0, -1)
	fmt.Println(negz, math.Signbit(negz), math.Signbit(0), 1/negz)
	fmt.Printf("%x %x\n", math.Float64bits(1.0), math.Float64bits(-2))
	fmt.Println(math.Float64frombits(0x4009_21fb_5444_2d18))
	x := 0.0
	fmt.Println(1/x, -1/x, x/x)
	fmt.Println(math.Sqrt(inf), math.Abs(-inf), math.Floor(nan))
}
