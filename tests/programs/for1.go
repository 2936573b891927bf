package main

// The three forms of for: with clauses, with a condition only, and
// for {} with break; continue; nested loops; loop variables after the loop.

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	println("clause sum:", sum)
	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	println("collatz steps:", steps)
	k := 0
	for {
		k++
		if k*k > 500 {
			break
		}
	}
	println("infinite broke at:", k)
	odd := 0
	for i := 0; i < 20; i++ {
		if i%2 == 0 {
			continue
		}
		odd += i
	}
	println("odd sum:", odd)
	count := 0
	for i := 0; i < 5; i++ {
		for j := i; j < 5; j++ {
			count++
		}
	}
	println("triangle:", count)
	j := 100
	for j > 0 {
		j -= 7
	}
	println("j:", j)
	var i int
	for i = 0; i < 3; {
		i++
	}
	println("i:", i)
	for x, y := 0, 10; x < y; x, y = x+1, y-1 {
		print(x, ",", y, " ")
	}
	println()
	loops := 0
	for ; loops < 4; loops++ {
	}
	println("empty body:", loops)
}
