package main

// A function marked as system-stack code, called on an ordinary goroutine:
// its prologue compares SP with g.stackguard1, which is ~0 on a user
// goroutine, so the check fails, the prologue calls morestackc, and the
// runtime throws.  Real Go allows //go:systemstack only in the runtime
// ("//go:systemstack only allowed in runtime"); the goldens next to this
// file were recorded from a binary built with `go build -gcflags=-+` (compile
// as if this were the runtime), Go 1.19.  gostack accepts the directive in
// any package (see README: deviations).

//go:noinline
func work(n int) int {
	var a [40]int
	a[n%40] = n
	return a[3] + n
}

//go:systemstack
//go:noinline
func sys(n int) int {
	return work(n) + 1
}

func main() {
	println("user code runs on the goroutine's own stack:", work(1))
	println(sys(41))
}
