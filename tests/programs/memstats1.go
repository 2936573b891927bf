package main

// runtime.ReadMemStats: only address-independent facts are printed.
// StackInuse is a whole number of 32 KB stack spans, StackSys equals
// StackInuse on linux/amd64, and StackInuse grows while a deep recursion
// is active.

import "runtime"

var m runtime.MemStats
var during uint64

func deep(n int) int {
	var pad [8]int
	pad[n%8] = n
	if n == 0 {
		runtime.ReadMemStats(&m)
		during = m.StackInuse
		return 0
	}
	return deep(n-1) + pad[n%8] - n
}

func main() {
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	println("before: multiple of 32K:", before%32768 == 0, "nonzero:", before > 0)
	println("before: sys == inuse:", m.StackSys == m.StackInuse)
	r := deep(100000)
	println("deep:", r)
	println("during: multiple of 32K:", during%32768 == 0)
	println("during: grew:", during > before)
	println("during: grew by >= 8 MB:", during-before >= 8<<20)
	println("during: below 64 MB:", during < 64<<20)
	runtime.ReadMemStats(&m)
	after := m.StackInuse
	println("after: multiple of 32K:", after%32768 == 0)
	println("after: sys == inuse:", m.StackSys == m.StackInuse)
	println("after: still above before:", after > before)
}
