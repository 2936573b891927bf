package main

// Thread model: 10,000 calls of a 104-byte frame (plus its return address)
// need about 1.1 MB, well inside the main thread's 8 MiB stack.

func f(n int) int {
	var pad [8]int
	pad[n%8] = n
	if n == 0 {
		return 0
	}
	return f(n-1) + pad[n%8] - n + 1
}

func main() {
	println("depth", f(10000))
}
