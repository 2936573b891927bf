package main

// A worker loops around a select on a jobs channel and a quit channel.
// Main hands it 20 jobs over an unbuffered channel (so every job has been
// taken before quit is sent), then sends on quit; the worker reports its
// totals on done and returns. A second worker is stopped by closing its
// quit channel (a receive from a closed channel is always ready); main
// then sees that channel closed, too.

func worker(id int, jobs <-chan int, quit <-chan bool, done chan<- int) {
	count, sum := 0, 0
	for {
		select {
		case j := <-jobs:
			count++
			sum += j * j
		case <-quit:
			println("worker", id, "quitting after", count, "jobs, sum of squares", sum)
			done <- count
			return
		}
	}
}

func main() {
	jobs := make(chan int)
	quit := make(chan bool)
	done := make(chan int)
	go worker(1, jobs, quit, done)
	for i := 1; i <= 20; i++ {
		jobs <- i
	}
	quit <- true
	println("worker 1 reported", <-done)

	quit2 := make(chan bool)
	go worker(2, jobs, quit2, done)
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	close(quit2)
	println("worker 2 reported", <-done)
	v, ok := <-quit2
	println("quit2 after close:", v, ok)
}
