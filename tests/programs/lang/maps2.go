package main

// Ranging over a map and printing the keys in sorted order (the iteration order
// itself is unspecified); fmt prints maps with sorted keys.

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25, "dave": 19, "eve": 33}
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}
	sum := 0
	for _, v := range ages {
		sum += v
	}
	fmt.Println("sum", sum)
	sq := map[int]int{}
	for i := 10; i > 0; i-- {
		sq[i] = i * i
	}
	ik := []int{}
	for k, v := range sq {
		if v%2 == 0 {
			ik = append(ik, k)
		}
	}
	sort.Ints(ik)
	fmt.Println(ik)
	fmt.Println(sq)
	for k := range sq {
		if k%3 == 0 {
			delete(sq, k)
		}
	}
	fmt.Println(len(sq), sq)
}
