package main

// runtime.Caller, Callers, CallersFrames and FuncForPC: a program reading its
// own call stack, also from 1000 frames deep after the stack has grown by
// copying several times (the walk goes through the moved frames).

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", filepath.Base(file), line, ok)
}

func stack() {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(0, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		fmt.Println(f.Function, filepath.Base(f.File), f.Line, f.Entry <= f.PC)
		if !more {
			break
		}
	}
}

//go:noinline
func level2() { stack() }

//go:noinline
func deep(n int, pad [16]int) int {
	if n > 0 {
		return deep(n-1, pad) + pad[n%16]
	}
	pcs := make([]uintptr, 2000)
	k := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:k])
	counts := map[string]int{}
	for {
		f, more := frames.Next()
		counts[f.Function]++
		if !more {
			break
		}
	}
	fmt.Println("frames:", k, "deep:", counts["main.deep"], "main:", counts["main.main"])
	return 0
}

func main() {
	fmt.Println(where())
	level2()
	pc, _, line, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name(), line)
	_, _, _, ok := runtime.Caller(100)
	fmt.Println(ok)
	var pad [16]int
	deep(1000, pad)
}
