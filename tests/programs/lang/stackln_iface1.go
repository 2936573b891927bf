package main

// println version of stack_iface1: an interface holding a pointer to a struct
// local to main is passed down a 40000-deep recursion; methods called through
// it at every level update the struct; afterwards main reads it directly.

type Counter interface {
	Bump(by int)
	Value() int
}

type C struct{ n int }

func (c *C) Bump(by int) { c.n += by }
func (c *C) Value() int  { return c.n }

func down(c Counter, depth int) int {
	c.Bump(depth % 3)
	if depth == 0 {
		return c.Value()
	}
	var pad [3]int
	pad[depth%3] = depth
	return down(c, depth-1) + pad[depth%3] - depth
}

func main() {
	var c C
	r := down(&c, 40000)
	println(r, c.n)
}
