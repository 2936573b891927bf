package main

// Deleting map entries during range (allowed), clearing a map in a loop, maps
// of funcs dispatching commands, growing a map to 10000 entries and checking
// a sum over it (order-independent).

import "fmt"

func main() {
	m := map[int]int{}
	for i := 0; i < 10000; i++ {
		m[i] = i * 2
	}
	sum := 0
	for k, v := range m {
		sum += v - k
	}
	fmt.Println(len(m), sum)
	for k := range m {
		if k%2 == 0 {
			delete(m, k)
		}
	}
	fmt.Println(len(m), m[1], m[2])
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m))
	stack := []int{}
	cmds := map[string]func(int){
		"push": func(v int) { stack = append(stack, v) },
		"pop":  func(int) { stack = stack[:len(stack)-1] },
		"dup":  func(int) { stack = append(stack, stack[len(stack)-1]) },
	}
	prog := []struct {
		op  string
		arg int
	}{{"push", 1}, {"push", 2}, {"dup", 0}, {"pop", 0}, {"push", 7}}
	for _, ins := range prog {
		cmds[ins.op](ins.arg)
	}
	fmt.Println(stack)
	if f, ok := cmds["nop"]; !ok {
		fmt.Println("no nop", f == nil)
	}
}
