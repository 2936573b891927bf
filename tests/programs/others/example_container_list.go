// Source: Go 1.19 distribution, src/container/list/example_test.go (/usr/lib/go-1.19/src/container/list/example_test.go), BSD-style license, Copyright The Go Authors (see LICENSE-go.txt). Changed: package list_test renamed to main, and a main function appended that calls the example functions (Example) in source order.
// Copyright 2013 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"container/list"
	"fmt"
)

func Example() {
	// Create a new list and put some numbers in it.
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)

	// Iterate through list and print its contents.
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Println(e.Value)
	}

	// Output:
	// 1
	// 2
	// 3
	// 4
}

func main() {
	Example()
}
