package main

// Maps with struct keys, array keys, interface keys; map values that are
// slices, structs and maps; updating a struct value through reassignment.

import "fmt"

type key struct {
	x, y int
}

type rec struct {
	n    int
	tags []string
}

func main() {
	grid := map[key]string{{0, 0}: "origin", {1, 2}: "p"}
	grid[key{3, 4}] = "q"
	fmt.Println(grid[key{1, 2}], grid[key{0, 0}], len(grid))
	ak := map[[2]int]int{{1, 2}: 3}
	ak[[2]int{1, 2}]++
	fmt.Println(ak)
	ik := map[interface{}]int{1: 1, "1": 2, 1.5: 3, true: 4}
	fmt.Println(ik[1], ik["1"], ik[1.5], ik[true], ik[false])
	ms := map[string][]int{}
	ms["a"] = append(ms["a"], 1)
	ms["a"] = append(ms["a"], 2)
	ms["b"] = append(ms["b"], 3)
	fmt.Println(ms)
	mr := map[string]rec{}
	r := mr["x"]
	r.n = 5
	r.tags = append(r.tags, "t")
	mr["x"] = r
	fmt.Println(mr)
	mp := map[string]*rec{"y": {n: 1}}
	mp["y"].n++
	fmt.Println(mp["y"].n)
	nested := map[string]map[string]int{}
	for _, pair := range [][2]string{{"a", "x"}, {"a", "y"}, {"b", "x"}} {
		inner, ok := nested[pair[0]]
		if !ok {
			inner = map[string]int{}
			nested[pair[0]] = inner
		}
		inner[pair[1]]++
	}
	fmt.Println(nested)
}
