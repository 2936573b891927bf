package main

// Several time.After channels with durations 30 ms apart, created in a
// scrambled order, read in a select loop: exactly one case is ready at a
// time, so the names come out in the order of the durations. A fired
// time.After channel is never ready again (it holds one value).

import "time"

func main() {
	c := time.After(90 * time.Millisecond)
	a := time.After(30 * time.Millisecond)
	e := time.After(150 * time.Millisecond)
	b := time.After(60 * time.Millisecond)
	d := time.After(120 * time.Millisecond)
	for i := 0; i < 5; i++ {
		select {
		case <-a:
			println(i, "a (30 ms)")
		case <-b:
			println(i, "b (60 ms)")
		case <-c:
			println(i, "c (90 ms)")
		case <-d:
			println(i, "d (120 ms)")
		case <-e:
			println(i, "e (150 ms)")
		}
	}
	select {
	case <-a:
		println("a fired twice")
	case <-b:
		println("b fired twice")
	case <-c:
		println("c fired twice")
	case <-d:
		println("d fired twice")
	case <-e:
		println("e fired twice")
	case <-time.After(10 * time.Millisecond):
		println("no channel fired twice")
	}
}
