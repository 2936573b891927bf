package main

// Embedded interfaces: an interface made of other interfaces, a value satisfying
// the combined interface, assignment to the smaller interfaces, and a struct
// that embeds an interface value (delegation, and overriding one method).

import "fmt"

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type ReadWriter interface {
	Reader
	Writer
}

type Buf struct{ data []string }

func (b *Buf) Read() string {
	if len(b.data) == 0 {
		return "<empty>"
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buf) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

type Loud struct {
	ReadWriter
}

func (l Loud) Read() string { return "LOUD " + l.ReadWriter.Read() }

func main() {
	b := &Buf{}
	var rw ReadWriter = b
	fmt.Println(rw.Write("one"), rw.Write("three"))
	var r Reader = rw
	var w Writer = rw
	w.Write("x")
	fmt.Println(r.Read(), r.Read())
	l := Loud{b}
	fmt.Println(l.Read(), l.Read())
	l.Write("y")
	fmt.Println(l.Read())
	var rw2 ReadWriter = l
	fmt.Println(rw2.Read())
	_, ok := r.(Writer)
	fmt.Println(ok)
}
