package main

// Struct embedding: promoted fields, shadowing by an outer field, access via the
// embedded type's name, embedding a pointer, multi-level promotion.

import "fmt"

type Base struct {
	ID   int
	Name string
}

type Mid struct {
	Base
	Level int
}

type Top struct {
	*Mid
	Name string
}

func main() {
	m := Mid{Base{1, "base"}, 2}
	fmt.Println(m.ID, m.Name, m.Level, m.Base.Name)
	m.ID = 10
	fmt.Println(m.Base.ID)
	t := Top{&m, "top"}
	fmt.Println(t.Name, t.Mid.Name, t.Base.Name, t.ID, t.Level)
	t.ID = 99
	fmt.Println(m.ID)
	fmt.Printf("%+v\n", m)
	fmt.Printf("%v\n", Mid{})
	c := m
	c.Base.Name = "copy"
	fmt.Println(m.Name, c.Name)
}
