package main

// Value and pointer receivers: a value receiver gets a copy, a pointer receiver
// modifies the original; Go takes the address or dereferences automatically.

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c Counter) IncCopy()  { c.n++ }
func (c *Counter) Inc()     { c.n++ }
func (c *Counter) Add(k int) *Counter {
	c.n += k
	return c
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r *Rect) Scale(f float64) {
	r.W *= f
	r.H *= f
}

func main() {
	var c Counter
	c.Inc()
	c.IncCopy()
	fmt.Println(c.Get())
	p := &c
	p.Inc()
	p.IncCopy()
	fmt.Println(p.Get(), c.n)
	c.Add(5).Add(10).Inc()
	fmt.Println(c.n)
	r := Rect{2, 3}
	r.Scale(2)
	fmt.Println(r.Area(), r)
	rs := []Rect{{1, 1}, {2, 2}}
	for i := range rs {
		rs[i].Scale(3)
	}
	fmt.Println(rs)
	m := map[string]*Counter{"a": {}}
	m["a"].Inc()
	fmt.Println(m["a"].Get())
}
