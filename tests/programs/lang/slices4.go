package main

// Slices of arrays: a slice of a local array aliases it; writes through the slice
// show in the array; the array is a value, copying it detaches copies.

import "fmt"

func fill(s []int, v int) {
	for i := range s {
		s[i] = v + i
	}
}

func main() {
	var arr [8]int
	s := arr[2:6]
	fill(s, 10)
	fmt.Println(arr, s, len(s), cap(s))
	arr2 := arr
	s[0] = -1
	fmt.Println(arr[2], arr2[2])
	full := arr[:]
	full = append(full[:4], 100, 101)
	fmt.Println(arr)
	p := &arr
	ps := p[1:3]
	ps[1] = 42
	fmt.Println(arr[2])
	grid := [3][3]int{}
	row := grid[1][:]
	row[2] = 5
	fmt.Println(grid)
}
