// Source: Go 1.19 distribution, test/printbig.go (/usr/lib/go-1.19/test/printbig.go), BSD-style license, Copyright The Go Authors (see LICENSE-go.txt). Unchanged apart from this line.
// run

// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Test that big numbers work as constants and print can print them.

package main

func main() {
	print(-(1<<63), "\n")
	print((1<<63)-1, "\n")
}
