package main

// Mutual recursion between several functions, deep enough to grow the stack.

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func ping(n int, acc int64) int64 {
	if n == 0 {
		return acc
	}
	return pong(n-1, acc+int64(n))
}

func pong(n int, acc int64) int64 {
	if n == 0 {
		return acc
	}
	var pad [4]int64
	pad[n%4] = acc
	return ping(n-1, pad[n%4]*2%1000003)
}

func main() {
	println("isEven(10):", isEven(10), "isOdd(7):", isOdd(7))
	println("isEven(50001):", isEven(50001), "isOdd(50001):", isOdd(50001))
	println("ping(30000):", ping(30000, 1))
	println("ping(7):", ping(7, 1))
}
