package main

// sync.RWMutex: two readers hold the read lock at the same time (each sends
// on arrive while holding it, then waits for its own proceed channel). A
// writer's Lock then waits until both have called RUnlock, and a third
// reader that calls RLock while the writer is waiting gets in only after
// the writer has unlocked (a pending writer blocks new readers).

import (
	"sync"
	"time"
)

var rw sync.RWMutex
var writerDone bool

func reader(id int, arrive chan<- int, proceed <-chan bool, left chan<- bool) {
	rw.RLock()
	arrive <- id
	<-proceed
	println("reader", id, "holds the read lock; writer done:", writerDone)
	rw.RUnlock()
	left <- true
}

func writer(left chan<- bool) {
	rw.Lock()
	println("writer has the lock")
	writerDone = true
	rw.Unlock()
	left <- true
}

func main() {
	arrive, left := make(chan int), make(chan bool)
	proceed1, proceed2, proceed3 := make(chan bool), make(chan bool), make(chan bool)
	go reader(1, arrive, proceed1, left)
	go reader(2, arrive, proceed2, left)
	println("both readers inside:", <-arrive+<-arrive == 3)
	go writer(left)
	time.Sleep(5 * time.Millisecond)
	go reader(3, arrive, proceed3, left)
	time.Sleep(5 * time.Millisecond)
	proceed1 <- true
	<-left
	time.Sleep(5 * time.Millisecond)
	println("one reader left; writer done:", writerDone)
	proceed2 <- true
	<-left
	<-left
	println("writer finished; reader 3 arrives:", <-arrive)
	proceed3 <- true
	<-left
}
