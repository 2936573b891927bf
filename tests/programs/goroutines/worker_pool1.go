package main

// A pool of 4 workers takes job numbers from a buffered channel and sends
// back a small struct with the job and its square; main sums the results,
// so the order in which the workers finish does not matter.

import "sync"

type result struct {
	job int
	sq  int
}

func worker(jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	for j := range jobs {
		results <- result{j, j * j}
	}
	wg.Done()
}

func closer(wg *sync.WaitGroup, results chan result) {
	wg.Wait()
	close(results)
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan result, 10)
	println("jobs cap:", cap(jobs), "results cap:", cap(results))
	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for i := 1; i <= 100; i++ {
		jobs <- i
	}
	close(jobs)
	go closer(&wg, results)
	var seen [101]bool
	sum, count, bad := 0, 0, 0
	for r := range results {
		if r.sq != r.job*r.job || seen[r.job] {
			bad++
		}
		seen[r.job] = true
		sum += r.sq
		count++
	}
	missing := 0
	for i := 1; i <= 100; i++ {
		if !seen[i] {
			missing++
		}
	}
	println("results:", count, "bad:", bad, "missing:", missing)
	println("sum of squares:", sum)
}
