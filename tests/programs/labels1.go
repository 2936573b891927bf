package main

// Labeled break and continue out of nested for loops and out of a switch.

func main() {
	found := -1
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if i*j == 42 {
				found = i*100 + j
				break outer
			}
		}
	}
	println("found:", found)

	count := 0
rows:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				continue rows
			}
			count++
		}
	}
	println("lower triangle:", count)

	n := 0
loop:
	for {
		n++
		switch {
		case n%3 == 0:
			continue loop
		case n > 10:
			break loop
		}
		print(n, " ")
	}
	println()
	println("n:", n)

	total := 0
a:
	for i := 0; i < 3; i++ {
	b:
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				if k == 1 {
					continue b
				}
				if i == 2 {
					break a
				}
				total += 100*i + 10*j + k
			}
		}
	}
	println("total:", total)
}
