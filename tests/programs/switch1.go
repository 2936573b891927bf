package main

// switch with and without a tag, init statements, several values per
// case, fallthrough, default in the middle, break inside switch.

func name(n int) int {
	switch n {
	case 1, 2, 3:
		return 10
	case 4:
		return 40
	default:
		return -1
	case 5, 6:
		return 56
	}
}

func grade(score int) int {
	switch {
	case score >= 90:
		return 'A'
	case score >= 80:
		return 'B'
	case score >= 70:
		return 'C'
	}
	return 'F'
}

func main() {
	println("name:", name(2), name(4), name(6), name(9))
	println("grade:", grade(95), grade(85), grade(75), grade(10))
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			print("zero ")
			fallthrough
		case 1:
			print("one ")
		case 2:
			print("two ")
			fallthrough
		default:
			print("default ")
		}
		println()
	}
	switch x := 7 * 6; {
	case x > 40:
		println("x > 40:", x)
	case x > 10:
		println("never")
	}
	switch y := 3; y + 1 {
	case 4:
		println("y+1 == 4")
		if y == 3 {
			break
		}
		println("not printed")
	case 5:
		println("five")
	}
	var u uint8 = 200
	switch u {
	case 100 + 100:
		println("u is 200")
	}
	switch {
	default:
		println("only default")
	}
}
