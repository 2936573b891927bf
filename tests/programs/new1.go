package main

// new(T) for ints, structs and arrays; zero values; writes through the
// result; pointers returned from functions.

type pair struct {
	a int
	b [2]uint8
}

func makePair(a int) *pair {
	p := new(pair)
	p.a = a
	p.b[1] = uint8(a)
	return p
}

func main() {
	ip := new(int)
	println("new int:", *ip)
	*ip = 42
	*ip += 1
	println("after:", *ip)
	bp := new(bool)
	println("new bool:", *bp)
	fp := new(float64)
	*fp = 1.25
	println("new float:", *fp)
	sp := new(pair)
	println("new pair:", sp.a, sp.b[0], sp.b[1])
	ap := new([8]int64)
	for i := 0; i < 8; i++ {
		(*ap)[i] = int64(i) * -3
	}
	println("new array:", (*ap)[0], (*ap)[7], len(*ap))
	p1 := makePair(300)
	p2 := makePair(7)
	println("pairs:", p1.a, p1.b[1], p2.a, p2.b[1], p1 != p2)
	cp := *p1
	cp.a = 1
	println("copy:", cp.a, p1.a)
}
