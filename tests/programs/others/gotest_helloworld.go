// Source: Go 1.19 distribution, test/helloworld.go (/usr/lib/go-1.19/test/helloworld.go), BSD-style license, Copyright The Go Authors (see LICENSE-go.txt). Unchanged apart from this line.
// run

// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Test that we can do page 1 of the C book.

package main

func main() {
	print("hello, world\n")
}
