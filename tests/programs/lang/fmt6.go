package main

// %v of composite values: nested slices and maps (keys printed sorted: ints
// numerically, strings lexically, bools false first), pointers to structs at top
// level (&{...}) vs nested (addresses are avoided here), arrays of structs.

import "fmt"

type P struct {
	X, Y int
}

type W struct {
	Ps  []P
	Tag map[string][]int
}

func main() {
	fmt.Println(map[int]string{10: "ten", -1: "neg", 3: "three", 0: "zero"})
	fmt.Println(map[string]bool{"b": true, "a": false, "c": true})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[float64]string{2.5: "x", -1: "y", 0: "z"})
	fmt.Println(map[P]int{{2, 1}: 1, {1, 2}: 2, {1, 1}: 3})
	fmt.Println([][]int{{1}, {2, 3}, nil, {}})
	fmt.Println(&P{1, 2}, []P{{3, 4}}, [2]P{})
	w := W{Ps: []P{{1, 2}}, Tag: map[string][]int{"z": {1}, "a": {2, 3}}}
	fmt.Println(w)
	fmt.Printf("%+v\n", w)
	fmt.Printf("%#v\n", w)
	fmt.Println(map[string]map[string]int{"o": {"y": 2, "x": 1}})
	var ip *int
	fmt.Println(ip == nil, ip)
	fmt.Println([]interface{}{1, "a", nil, 2.5, []int{}})
	fmt.Println(struct {
		A []string
		B *P
	}{A: []string{"q"}})
}
