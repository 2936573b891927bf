package main

// sync.Once (a package-level Once called three times; one shared by five goroutines)
// and runtime.Stack of the running goroutine.

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

var once sync.Once

func setup() { fmt.Println("setup ran") }

func main() {
	for i := 0; i < 3; i++ {
		once.Do(setup)
	}
	var wg sync.WaitGroup
	var o2 sync.Once
	n := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o2.Do(func() { n++ })
		}()
	}
	wg.Wait()
	fmt.Println("n =", n)
	buf := make([]byte, 1024)
	k := runtime.Stack(buf, false)
	s := string(buf[:k])
	fmt.Println(strings.HasPrefix(s, "goroutine 1 [running]:\nmain.main()"), k > 20)
}
