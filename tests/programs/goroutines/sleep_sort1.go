package main

// Sleep sort: for each value i in a scrambled array a goroutine sleeps
// i*10 ms and then sends i on a shared buffered channel; main prints the
// values in the order they arrive (sorted). All goroutines are started
// before main first blocks; wake-ups are 10 ms apart.

import "time"

var values = [8]int{5, 2, 8, 1, 7, 3, 6, 4}

func sleeper(i int, out chan<- int) {
	time.Sleep(time.Duration(i) * 10 * time.Millisecond)
	out <- i
}

func main() {
	out := make(chan int, len(values))
	for k := 0; k < len(values); k++ {
		go sleeper(values[k], out)
	}
	prev, sorted := 0, true
	for k := 0; k < len(values); k++ {
		v := <-out
		print(v, " ")
		if v < prev {
			sorted = false
		}
		prev = v
	}
	println()
	println("sorted:", sorted)
}
