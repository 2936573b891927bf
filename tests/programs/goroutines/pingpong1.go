package main

// Ping-pong: a ball (an int) goes back and forth 1000 times between two
// goroutines over two unbuffered channels; each hit adds one.

func pinger(ping chan<- int, pong <-chan int, n int, done chan<- int) {
	ball := 0
	for i := 0; i < n; i++ {
		ping <- ball
		ball = <-pong
		ball++
	}
	close(ping)
	done <- ball
}

func ponger(ping <-chan int, pong chan<- int, done chan<- int) {
	hits := 0
	for b := range ping {
		hits++
		pong <- b + 1
	}
	done <- hits
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done1 := make(chan int)
	done2 := make(chan int)
	go pinger(ping, pong, 1000, done1)
	go ponger(ping, pong, done2)
	ball := <-done1
	hits := <-done2
	println("ball:", ball, "ponger hits:", hits)
}
