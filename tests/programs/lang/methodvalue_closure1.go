package main

// A method value (x.foo) passed to a function and captured by a closure
// that outlives that function's frame: the method value's closure must be
// on the heap, or it is left behind when the stack moves and calling it
// jumps to garbage.  From Go's test/fixedbugs/issue10353.go (issue 10253:
// "incorrect escape analysis of closures; partial call x.foo was not
// promoted to heap"), with a line printed at the end.

func main() {
	c := make(chan bool)
	// Create a new goroutine to get a default-size stack segment.
	go func() {
		x := new(X)
		clos(x.foo)()
		c <- true
	}()
	<-c
	println("called after the stack moved")
}

type X int

func (x *X) foo() {
}

func clos(x func()) func() {
	f := func() {
		print("")
		x() // This statement crashed, because the partial call was allocated on the old stack.
	}
	// Grow stack so that partial call x becomes invalid if allocated on stack.
	growstack(10000)
	c := make(chan bool)
	// Spoil the previous stack segment.
	go func() {
		c <- true
	}()
	<-c
	return f
}

func growstack(x int) {
	if x == 0 {
		return
	}
	growstack(x - 1)
}
