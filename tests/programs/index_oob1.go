package main

// Array index out of range with a variable index: runtime panic.

//go:noinline
func get(a *[5]int, i int) int {
	return (*a)[i]
}

func main() {
	var arr [5]int
	for i := 0; i < 5; i++ {
		arr[i] = i * 11
	}
	println("arr[4]:", get(&arr, 4))
	println(get(&arr, 7))
	println("not reached")
}
