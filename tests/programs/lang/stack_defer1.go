package main

// A deferred closure reads and writes a local of its frame while the stack grows
// underneath: the frame's defer is registered, a 20000-deep recursion grows
// (and copies) the stack, and when the function returns the closure must see
// the local's latest value and the recursion's result.

import "fmt"

func deep(n int) int {
	var pad [4]int
	pad[n%4] = n
	if n == 0 {
		return pad[0]
	}
	return deep(n-1) + 1 + pad[n%4] - n
}

func withDefer() (out int) {
	local := 7
	defer func() {
		fmt.Println("deferred sees local =", local)
		out = out*10 + local
	}()
	local = deep(20000)
	fmt.Println("after recursion local =", local)
	return 3
}

func nested(level int) int {
	x := level * 100
	defer func() {
		if level%1000 == 0 {
			fmt.Println("level", level, "x", x)
		}
	}()
	if level == 5000 {
		return x
	}
	x += nested(level+1) % 7
	return x
}

func main() {
	fmt.Println(withDefer())
	fmt.Println(nested(0))
}
