package main

// println version of stack_defer1 (no fmt, so it can run before fmt is
// importable): a deferred closure reads and writes a local of its frame while
// a 20000-deep recursion grows and copies the stack; the closure must see the
// local's latest value and update the named result; then a defer at each of
// 5001 levels, each reading its own frame's local after the stack moved.

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
		println("deferred sees local =", local)
		out = out*10 + local
	}()
	local = deep(20000)
	println("after recursion local =", local)
	return 3
}

func nested(level int) int {
	x := level * 100
	defer func() {
		if level%1000 == 0 {
			println("level", level, "x", x)
		}
	}()
	if level == 5000 {
		return x
	}
	x += nested(level+1) % 7
	return x
}

func main() {
	println(withDefer())
	println(nested(0))
}
