package main

// Variadic functions: zero, one and many arguments, passing a slice with s...
// (which aliases the slice), a fixed parameter before the variadic one, and
// variadic interface{} parameters forwarded to fmt.

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func info(prefix string, nums ...int) string {
	return fmt.Sprintf("%s len=%d nil=%v %v", prefix, len(nums), nums == nil, nums)
}

func zero(nums ...int) {
	for i := range nums {
		nums[i] = 0
	}
}

func logf(format string, args ...interface{}) {
	fmt.Printf("[log] "+format+"\n", args...)
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	s := []int{4, 5, 6}
	fmt.Println(sum(s...))
	fmt.Println(info("a"))
	fmt.Println(info("b", 1, 2))
	fmt.Println(info("c", s...))
	fmt.Println(info("d", []int{}...))
	zero(s...)
	fmt.Println(s)
	t := []int{1, 2}
	zero(t[0], t[1])
	fmt.Println(t)
	logf("%d + %d = %d", 1, 2, 3)
	logf("no args")
	args := []interface{}{"x", 1}
	logf("%v %v", args...)
	fmt.Println(append([]int{0}, s...))
}
