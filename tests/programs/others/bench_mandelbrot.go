// Source: Go 1.19 distribution, test/bench/go1/mandel_test.go (/usr/lib/go-1.19/test/bench/go1/mandel_test.go; the Computer Language Benchmarks Game program as kept in Go's go1 benchmark set), BSD-style license, Copyright The Go Authors (see LICENSE-go.txt). Changed: package go1 -> main; the testing import and BenchmarkMandelbrot200 removed; a main added that prints mandelbrot(n) for a flag -n defaulting to 60.
// Copyright 2012 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This benchmark, taken from the shootuot, tests floating point performance.

package main

import (
	"flag"
	"fmt"
)

func mandelbrot(n int) int {
	const Iter = 50
	const Zero float64 = 0
	const Limit = 2.0
	ok := 0
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			Zr, Zi, Tr, Ti := Zero, Zero, Zero, Zero
			Cr := (2*float64(x)/float64(n) - 1.5)
			Ci := (2*float64(y)/float64(n) - 1.0)

			for i := 0; i < Iter && (Tr+Ti <= Limit*Limit); i++ {
				Zi = 2*Zr*Zi + Ci
				Zr = Tr - Ti + Cr
				Tr = Zr * Zr
				Ti = Zi * Zi
			}

			if Tr+Ti <= Limit*Limit {
				ok++
			}
		}
	}
	return ok
}

func main() {
	n := flag.Int("n", 60, "image size")
	flag.Parse()
	fmt.Println("points in the set:", mandelbrot(*n))
}
