package main

// Maps: make, literals, index (zero value for a missing key), comma-ok, delete
// (also of a missing key), len, overwriting, nil map reads.

import "fmt"

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] = 2
	m["a"] += 10
	fmt.Println(len(m), m["a"], m["b"], m["zzz"])
	v, ok := m["b"]
	fmt.Println(v, ok)
	v, ok = m["c"]
	fmt.Println(v, ok)
	delete(m, "b")
	delete(m, "nothing")
	_, ok = m["b"]
	fmt.Println(len(m), ok)
	lit := map[int]string{1: "one", 2: "two", 3: "three"}
	fmt.Println(len(lit), lit[2], lit[4] == "")
	var nilm map[string]bool
	fmt.Println(nilm == nil, len(nilm), nilm["x"])
	delete(nilm, "x")
	if _, found := nilm["y"]; !found {
		fmt.Println("not found in nil map")
	}
	m2 := m
	m2["shared"] = 5
	fmt.Println(m["shared"], len(m))
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts['s'], counts['i'], counts['p'], counts['m'], counts['x'])
	fmt.Println(m, lit)
}
