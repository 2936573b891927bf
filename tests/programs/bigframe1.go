package main

// Functions whose frames are larger than StackBig (4096 bytes): big has a
// local [1000]int array (8000 bytes) that is written and summed; bigRec
// (4800-byte frames) recurses 50 deep, so the large-frame prologue check
// has to grow the stack.

//go:noinline
func big(seed int) int {
	var a [1000]int
	for i := 0; i < len(a); i++ {
		a[i] = seed + i
	}
	sum := 0
	for i := 0; i < len(a); i++ {
		sum += a[i]
	}
	return sum
}

func bigRec(n int) int {
	var b [600]int
	b[0] = n
	b[599] = n * 2
	if n == 0 {
		return b[0] + b[599]
	}
	r := bigRec(n - 1)
	return r + b[0] + b[599]
}

func main() {
	println("big(0):", big(0))
	println("big(7):", big(7))
	total := 0
	for i := 0; i < 10; i++ {
		total += big(i)
	}
	println("total:", total)
	println("bigRec(50):", bigRec(50))
	println("big(1) again:", big(1))
}
