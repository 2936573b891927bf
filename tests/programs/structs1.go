package main

// Structs: nested structs, value copies on assignment and calls,
// keyed and positional literals, fields through pointers.

type inner struct {
	a, b int32
	flag bool
}

type outer struct {
	id    int
	in    inner
	arr   [3]int16
	ratio float64
}

func bump(o outer) outer {
	o.id++
	o.in.a += 10
	o.arr[2] = 99
	return o
}

func bumpPtr(o *outer) {
	o.id++
	o.in.b -= 5
	o.arr[0] = -1
}

func main() {
	var z outer
	println("zero:", z.id, z.in.a, z.in.flag, z.arr[1], z.ratio)
	o := outer{id: 1, in: inner{a: 2, b: 3, flag: true}, ratio: 0.5}
	o.arr[1] = 7
	c := o
	c.in.a = 100
	println("o:", o.id, o.in.a, o.in.b, o.in.flag, o.arr[1])
	println("c:", c.id, c.in.a, c.in.b, c.in.flag, c.arr[1])
	d := bump(o)
	println("o after bump:", o.id, o.in.a, o.arr[2])
	println("d:", d.id, d.in.a, d.arr[2])
	bumpPtr(&o)
	println("o after bumpPtr:", o.id, o.in.b, o.arr[0])
	in := o.in
	in.b = 1000
	println("copied inner:", in.b, o.in.b)
	p := &o.in
	p.a = 77
	println("via field ptr:", o.in.a)
	pos := inner{5, 6, false}
	o.in = pos
	println("assigned inner:", o.in.a, o.in.b, o.in.flag)
}
