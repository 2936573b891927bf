package main

// println version of stack_recover1: frames at depths that are multiples of
// 2000 recover the panic raised below them and re-panic with the value times
// 10 plus one; a runtime error (index out of range at depth 9999) starts the
// chain and is printed by the first recovering frame; main recovers the last.

func level(n int, data []int) {
	if n%2000 == 0 && n > 0 {
		defer func() {
			r := recover()
			if e, ok := r.(error); ok {
				println("depth", n, "recovered:", e.Error())
				panic(1)
			}
			v := r.(int)
			println("depth", n, "recovered", v)
			panic(v*10 + 1)
		}()
	}
	if n == 9999 {
		_ = data[n]
	}
	level(n+1, data)
}

func main() {
	defer func() {
		println("main recovered", recover().(int))
	}()
	level(1, make([]int, 10))
}
