package main

// Structs with string, array and nested struct fields: comparison with ==,
// copy semantics, pointer to struct in a map, anonymous struct slices, struct
// fields with the zero values printed, and structs holding slices (shared).

import "fmt"

type Address struct {
	City, Zip string
}

type Employee struct {
	Name    string
	Age     int
	Addr    Address
	Scores  [3]int
	Tags    []string
	Manager *Employee
}

func birthday(e Employee) Employee {
	e.Age++
	return e
}

func main() {
	boss := &Employee{Name: "Boss", Age: 50}
	e1 := Employee{"Ann", 30, Address{"Paris", "75001"}, [3]int{1, 2, 3}, []string{"a"}, boss}
	e2 := e1
	e2.Scores[0] = 100
	e2.Tags[0] = "shared"
	e2.Addr.City = "Lyon"
	fmt.Println(e1.Scores, e2.Scores, e1.Tags, e1.Addr.City, e2.Addr.City)
	fmt.Println(e1.Addr == Address{"Paris", "75001"}, e1.Manager == e2.Manager)
	e3 := birthday(e1)
	fmt.Println(e1.Age, e3.Age, e3.Manager.Name)
	var zero Employee
	fmt.Printf("%+v\n", zero)
	people := []struct {
		name string
		age  int
	}{{"x", 1}, {"y", 2}}
	for _, p := range people {
		fmt.Print(p.name, p.age, " ")
	}
	fmt.Println()
	byName := map[string]*Employee{"ann": &e1}
	byName["ann"].Age = 31
	fmt.Println(e1.Age)
	type pair struct{ a, b string }
	fmt.Println(pair{"a", "b"} == pair{"a", "b"}, pair{"a", "b"} != pair{"a", "c"})
}
