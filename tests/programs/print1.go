package main

// print: no spaces between operands and no newline.

func main() {
	print("a", "b", "c")
	print("\n")
	print(1, 2, 3, "\n")
	print("x=", 10, " y=", -20, "\n")
	print(true, false, "\n")
	print(1.5, "\n")
	for i := 0; i < 5; i++ {
		print(i)
	}
	print("\n")
	print()
	var u uint8 = 7
	print("u:", u, ";")
	println(" then println", 1)
	print("no newline at end")
}
