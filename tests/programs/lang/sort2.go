package main

// sort.Slice and sort.SliceStable with closures comparing struct fields,
// multi-key ordering, sort.Search for a binary search with a predicate.

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

func main() {
	people := []person{{"alice", 30}, {"bob", 25}, {"carol", 30}, {"dave", 25}, {"eve", 35}, {"frank", 30}}
	sort.Slice(people, func(i, j int) bool {
		if people[i].age != people[j].age {
			return people[i].age < people[j].age
		}
		return people[i].name < people[j].name
	})
	fmt.Println(people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].age > people[j].age })
	fmt.Println(people)
	sort.Slice(people, func(i, j int) bool { return people[i].name > people[j].name })
	for _, p := range people {
		fmt.Print(p.name, " ")
	}
	fmt.Println()
	xs := []int{1, 3, 5, 7, 9, 11}
	i := sort.Search(len(xs), func(i int) bool { return xs[i] >= 6 })
	fmt.Println(i, xs[i])
	j := sort.Search(len(xs), func(i int) bool { return xs[i] > 100 })
	fmt.Println(j)
	fmt.Println(sort.SliceIsSorted(xs, func(a, b int) bool { return xs[a] < xs[b] }))
}
