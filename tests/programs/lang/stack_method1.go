package main

// Method values bound to stack values: a method value of a value receiver holds
// a copy; one of a pointer receiver holds a pointer to a local struct in main.
// Both are called after a deep recursion grew the stack; the pointer-bound
// method must update main's local.

import "fmt"

type Acc struct {
	total int
	name  string
}

func (a *Acc) Add(k int) { a.total += k }
func (a Acc) Report() string {
	return fmt.Sprintf("%s=%d", a.name, a.total)
}

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
	a := Acc{name: "acc"}
	add := a.Add
	report := a.Report
	deep(25000, add)
	fmt.Println(a.total, report(), a.Report())
	var iface interface{ Report() string } = a
	deep(25000, add)
	fmt.Println(a.total, iface.Report())
	ms := []func(int){a.Add, (&a).Add}
	for _, m := range ms {
		m(100)
	}
	fmt.Println(a.Report())
}
