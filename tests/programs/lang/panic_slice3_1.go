package main

// 3-index slicing with max beyond capacity: "slice bounds out of range [::7] with capacity 4".

import "fmt"

func main() {
	arr := []int{1, 2, 3, 4}
	m := 7
	fmt.Println(arr[1:2:3])
	fmt.Println(arr[0:2:m])
}
