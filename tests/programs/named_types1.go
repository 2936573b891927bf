package main

// Named types based on basic types, arrays and structs; conversions between
// a named type and its underlying type; typed constants of named types.

type Celsius int
type Fahrenheit int
type ID uint16
type Grid [2][2]Celsius
type Reading struct {
	id   ID
	temp Celsius
}

const Boiling Celsius = 100

func toF(c Celsius) Fahrenheit {
	return Fahrenheit(c*9/5 + 32)
}

func warmest(g Grid) Celsius {
	best := g[0][0]
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			if g[i][j] > best {
				best = g[i][j]
			}
		}
	}
	return best
}

func main() {
	println("boiling:", Boiling, toF(Boiling), toF(-40))
	var c Celsius = 37
	c += 3
	n := int(c) * 2
	println("c, n:", c, n)
	var g Grid
	g[1][0] = 25
	g[0][1] = -5
	println("warmest:", warmest(g))
	r := Reading{id: 65535, temp: Boiling - 1}
	r.id++
	println("reading:", r.id, r.temp)
	big := 70000
	var id ID = ID(big)
	println("id:", id)
}
