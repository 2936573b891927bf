package main

// println version of stack_method1: a method value of a pointer receiver bound
// to a struct local to main, and one of a value receiver (a copy), called after
// a deep recursion grew the stack; the pointer-bound one must update main's
// local; an interface holding a copy is unaffected.

type Acc struct {
	total int
	id    int
}

func (a *Acc) Add(k int) { a.total += k }
func (a Acc) Total() int  { return a.total }

func deep(n int, add func(int)) {
	var pad [5]int
	pad[n%5] = n
	if n%2500 == 0 {
		add(1)
	}
	if n == 0 {
		return
	}
	deep(n-1, add)
	_ = pad
}

func main() {
	a := Acc{id: 1}
	add := a.Add
	total := a.Total
	deep(25000, add)
	println(a.total, total(), a.Total())
	var iface interface{ Total() int } = a
	deep(25000, add)
	println(a.total, iface.Total())
	ms := []func(int){a.Add, (&a).Add}
	for _, m := range ms {
		m(100)
	}
	println(a.Total())
}
