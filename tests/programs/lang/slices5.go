package main

// 2-D slices built with make, jagged slices, slices of structs modified through
// index expressions and through pointers to elements.

import "fmt"

type point struct{ x, y int }

func main() {
	grid := make([][]int, 4)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
	pts := []point{{1, 2}, {3, 4}}
	pts[0].x = 10
	p := &pts[1]
	p.y = 40
	for _, q := range pts {
		q.x = 0
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].x *= 2
	}
	fmt.Println(pts)
	pts = append(pts, point{5, 6})
	p.y = 99
	fmt.Println(pts, *p)
}
