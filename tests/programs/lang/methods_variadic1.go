package main

// Variadic methods (pointer and value receivers, an unnamed receiver, through
// an interface, promoted through an embedded pointer), method expressions
// that need Go's wrapper functions ((*S).Get of a value method, W.Get and
// (*W).Inc promoted from an embedded struct), and standard-library functions
// used as values.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

type S struct{ n int }

func (s S) Get() int   { return s.n }
func (s *S) Inc(d int) { s.n += d }

func (s *S) Sum(a ...int) int {
	t := s.n
	for _, v := range a {
		t += v
	}
	return t
}

type T []int

func (*T) Count(a ...int) int { return len(a) }

type L struct{}

func (L) Log(prefix string, xs ...interface{}) { fmt.Println(prefix, len(xs), xs) }

type W struct {
	S
	name string
}

type P struct{ *S }

type Summer interface{ Sum(...int) int }

func apply(f func(string) string, s string) string { return f(s) }

func main() {
	s := &S{100}
	fmt.Println(s.Sum(1, 2, 3), s.Sum(), s.Sum([]int{4, 5}...))
	fmt.Println(((*T)(nil)).Count(1, 3, 5, 7))
	var i Summer = s
	fmt.Println(i.Sum(1, 2), i.Sum())
	L{}.Log("a", 1, "x", 2.5)
	L{}.Log("b")
	p := P{&S{1}}
	fmt.Println(p.Sum(10, 20))

	g := (*S).Get
	(*S).Inc(s, 4)
	fmt.Println(g(s), S.Get(*s))
	w := W{S{10}, "w"}
	fmt.Println(W.Get(w), (*W).Get(&w))
	(*W).Inc(&w, 5)
	fmt.Println(w.n)
	P.Inc(p, 2)
	fmt.Println(P.Get(p), p.n)
	fmt.Printf("%T %T\n", W.Get, (*W).Inc)

	fmt.Println(apply(strings.ToUpper, "abc"), apply(strings.TrimSpace, "  x "))
	fmt.Println(strings.Map(unicode.ToUpper, "hello"))
	conv := strconv.Itoa
	fmt.Println(conv(42) + "!")
	for _, f := range []func(string) string{strings.ToLower, strings.Title} {
		fmt.Println(f("hELLo wORLD"))
	}
}
