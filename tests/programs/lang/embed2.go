package main

// Promoted methods: methods of an embedded type are callable on the outer type,
// an outer method overrides (shadows) an inner one, pointer-receiver methods
// promoted through an embedded value and through an embedded pointer, and the
// outer type satisfies interfaces through promoted methods.

import "fmt"

type Animal struct{ name string }

func (a Animal) Speak() string   { return a.name + " makes a sound" }
func (a Animal) Name() string    { return a.name }
func (a *Animal) Rename(n string) { a.name = n }

type Dog struct {
	Animal
	breed string
}

func (d Dog) Speak() string { return d.name + " barks" }

type Cat struct {
	*Animal
}

type Speaker interface{ Speak() string }

func main() {
	d := Dog{Animal{"rex"}, "lab"}
	fmt.Println(d.Speak())
	fmt.Println(d.Animal.Speak())
	d.Rename("max")
	fmt.Println(d.Name(), d.breed)
	c := Cat{&Animal{"tom"}}
	c.Rename("felix")
	fmt.Println(c.Speak(), c.Name())
	var ss []Speaker = []Speaker{d, c, d.Animal, &d}
	for _, s := range ss {
		fmt.Println(s.Speak())
	}
}
