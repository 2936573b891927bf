package main

// Arrays: value semantics, len, nested arrays, arrays as arguments and
// results, arrays of structs, named array types.

type Vec [4]int
type point struct{ x, y int }

func double(v Vec) Vec {
	for i := 0; i < len(v); i++ {
		v[i] *= 2
	}
	return v
}

func fill(p *Vec, val int) {
	for i := 0; i < len(*p); i++ {
		(*p)[i] = val + i
	}
}

func main() {
	var a [5]int
	println("len:", len(a), a[0], a[4])
	for i := 0; i < len(a); i++ {
		a[i] = i * i
	}
	b := a
	b[2] = 100
	println("a:", a[0], a[1], a[2], a[3], a[4])
	println("b:", b[0], b[1], b[2], b[3], b[4])
	v := Vec{1, 2, 3, 4}
	w := double(v)
	println("v:", v[0], v[1], v[2], v[3], " w:", w[0], w[1], w[2], w[3])
	fill(&v, 10)
	println("filled:", v[0], v[1], v[2], v[3])
	var grid [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = i*10 + j
		}
	}
	row := grid[1]
	row[0] = -1
	println("grid:", grid[1][0], grid[2][3], row[0], len(grid), len(grid[0]))
	pts := [3]point{{1, 2}, {3, 4}, {5, 6}}
	pts[1].x = 30
	sum := 0
	for i := 0; i < len(pts); i++ {
		sum += pts[i].x * pts[i].y
	}
	println("pts sum:", sum)
	lit := [5]int{5, 4, 3}
	println("lit:", len(lit), lit[0]+lit[2], lit[4])
}
