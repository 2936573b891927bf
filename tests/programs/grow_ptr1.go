package main

// Deep recursion (100000 calls) that passes pointers to the callers' locals
// down the stack. The stack is copied many times while those pointers are
// live, so every copy must adjust them; the values are checked afterwards.

type stats struct {
	calls    int
	maxDepth int
	bad      int
}

func down(n int, parent *int, st *stats, root *[4]int) int {
	st.calls++
	if n > st.maxDepth {
		st.maxDepth = n
	}
	*parent = n
	(*root)[n%4]++
	mine := -1
	if n < 100000 {
		down(n+1, &mine, st, root)
		// the callee stored its depth through &mine
		if mine != n+1 {
			st.bad++
		}
	}
	return mine
}

func main() {
	var st stats
	var root [4]int
	top := 0
	r := down(1, &top, &st, &root)
	println("top:", top, "r:", r)
	println("calls:", st.calls, "maxDepth:", st.maxDepth, "bad:", st.bad)
	println("root:", root[0], root[1], root[2], root[3])
	println("sum ok:", root[0]+root[1]+root[2]+root[3] == st.calls)
}
