package main

// Structs passed and returned by value through a 30000-deep recursion
// while the stack grows; a pointer to a struct in main is updated at
// every level.

type acc struct {
	sum   int64
	count int32
	last  [3]int16
}

func walk(n int, a acc, total *acc) acc {
	a.sum += int64(n)
	a.count++
	a.last[n%3] = int16(n)
	total.count++
	if n == 0 {
		return a
	}
	r := walk(n-1, a, total)
	if r.count != int32(n)+a.count {
		total.sum = -1
	}
	return r
}

func main() {
	var total acc
	var start acc
	start.sum = 1000
	r := walk(30000, start, &total)
	println("sum:", r.sum, "count:", r.count)
	println("last:", r.last[0], r.last[1], r.last[2])
	println("total:", total.count, total.sum)
	println("start unchanged:", start.sum, start.count)
}
