package main

// println version of stack_defer2: a defer at every level of a 5000-deep
// recursion; each deferred closure captures that level's local and a pointer
// to a slice in main; they run in reverse order after the stack grew.

func rec(n int, acc *[]int) {
	local := n * 3
	defer func() {
		if local%3000 == 0 {
			*acc = append(*acc, local)
		}
	}()
	if n == 5000 {
		return
	}
	rec(n+1, acc)
}

func main() {
	var acc []int
	rec(0, &acc)
	println(len(acc))
	for _, v := range acc {
		print(v, " ")
	}
	println()
}
