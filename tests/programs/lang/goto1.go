package main

// goto: a loop written with goto, jumping forward over statements, breaking out
// of nested loops, and labels used by both goto and continue.

import "fmt"

func find(grid [][]int, target int) (int, int) {
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] == target {
				return i, j
			}
		}
	}
	return -1, -1
}

func main() {
	i := 0
loop:
	if i < 5 {
		fmt.Print(i, " ")
		i++
		goto loop
	}
	fmt.Println()
	n := 7
	if n > 5 {
		goto big
	}
	fmt.Println("small")
big:
	fmt.Println("big or after")
	grid := [][]int{{1, 2}, {3, 4}, {5, 6}}
	for r := range grid {
		for c := range grid[r] {
			if grid[r][c] == 4 {
				fmt.Println("found at", r, c)
				goto done
			}
		}
	}
	fmt.Println("not found")
done:
	fmt.Println(find(grid, 6))
	count := 0
outer:
	for a := 0; a < 4; a++ {
		for b := 0; b < 4; b++ {
			if b > a {
				continue outer
			}
			if a == 3 {
				break outer
			}
			count++
		}
	}
	fmt.Println("count", count)
	k := 0
retry:
	k++
	if k < 3 {
		fmt.Println("retry", k)
		goto retry
	}
}
