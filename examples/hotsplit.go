package main

// The hot split: main recurses 107 frames deep (with go1.2's frame sizes this
// leaves hot's SP just above its segment's guard), then calls leaf 10,000
// times in a loop. Under go1.2 every call links a new segment and returns
// through lessstack; copying stacks (go1.3+) grow once.

func leaf(x int) int {
	var a [16]int
	a[x&15] = x
	return a[x&15] + 1
}

func hot(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += leaf(i)
	}
	return s
}

func descend(d int, n int) int {
	var pad [4]int
	pad[d&3] = d
	if d == 0 {
		return hot(n)
	}
	return descend(d-1, n) + pad[d&3] - d
}

func main() {
	println(descend(107, 10000))
}
