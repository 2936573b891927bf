package main

// nil interface vs an interface holding a nil pointer: the second is != nil,
// its dynamic type is printed by %T, and methods can still be called on the nil
// pointer; the classic "returns a nil *MyErr as error" pitfall.

import "fmt"

type MyErr struct{}

func (e *MyErr) Error() string {
	if e == nil {
		return "nil *MyErr"
	}
	return "MyErr"
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

func really(fail bool) error {
	if fail {
		return &MyErr{}
	}
	return nil
}

type T struct{ x int }

func (t *T) Get() int {
	if t == nil {
		return -1
	}
	return t.x
}

type Getter interface{ Get() int }

func main() {
	var e error
	fmt.Println(e == nil)
	e = mayFail(false)
	fmt.Println(e == nil, e)
	fmt.Printf("%T %v\n", e, e)
	fmt.Println(really(false) == nil, really(true) == nil)
	var tp *T
	var g Getter = tp
	fmt.Println(g == nil, g.Get(), tp == nil)
	var g2 Getter
	fmt.Println(g2 == nil)
	fmt.Printf("%v %T\n", g2, g2)
	var i interface{} = tp
	fmt.Println(i == nil, i == (*T)(nil))
}
