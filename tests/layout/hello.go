package main

var counter int

func work(c chan int) {
	counter++
	c <- counter
}

func main() {
	c := make(chan int)
	go work(c)
	println("received", <-c)
}
