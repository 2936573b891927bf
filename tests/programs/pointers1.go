package main

// Pointers to locals, to globals, to array elements and struct fields;
// pointer to pointer; swapping through pointers; nil comparisons.

type node struct {
	val  int
	next *node
}

var g int = 5

func swap(a, b *int) {
	*a, *b = *b, *a
}

func inc(pp **int) {
	**pp += 1
}

func main() {
	x, y := 1, 2
	swap(&x, &y)
	println("swapped:", x, y)
	p := &x
	*p = 40
	inc(&p)
	println("x:", x, *p)
	p = &g
	*p *= 3
	println("g:", g)
	var arr [4]int
	q := &arr[2]
	*q = 9
	println("arr:", arr[0], arr[2])
	var n1, n2, n3 node
	n1.val, n2.val, n3.val = 1, 2, 3
	n1.next = &n2
	n2.next = &n3
	sum := 0
	for n := &n1; n != nil; n = n.next {
		sum += n.val
	}
	println("list sum:", sum)
	var np *node
	println("nil checks:", np == nil, n1.next != nil, n3.next == nil)
	r := &n1
	r.next.next.val = 30
	println("n3:", n3.val, (*r).val)
	println("same:", p == &g, &x == &y, &arr[2] == q)
}
