package main

// time.Sleep ordering: five goroutines, started in a scrambled order, sleep
// for 40..200 ms (40 ms apart) and print when they wake; main sleeps 100 ms
// and prints in between, then collects them. Output follows the durations;
// each "main got" line follows the sender's own line.

import "time"

func sleeper(id int, d time.Duration, woke chan<- int) {
	time.Sleep(d)
	println("sleeper", id, "woke")
	woke <- id
}

func main() {
	woke := make(chan int, 5)
	go sleeper(3, 120*time.Millisecond, woke)
	go sleeper(1, 40*time.Millisecond, woke)
	go sleeper(5, 200*time.Millisecond, woke)
	go sleeper(2, 80*time.Millisecond, woke)
	go sleeper(4, 160*time.Millisecond, woke)
	time.Sleep(100 * time.Millisecond)
	println("main woke after 100 ms; buffered:", len(woke))
	for i := 0; i < 5; i++ {
		println("main got", <-woke)
	}
	time.Sleep(time.Millisecond)
	println("done")
}
