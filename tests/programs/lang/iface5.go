package main

// fmt.Stringer: Println/Printf %v and %s call String(); a pointer-receiver
// String is used only for pointers; String on nested values in slices, maps
// and struct fields; %d bypasses it.

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Box struct{ w, h int }

func (b *Box) String() string { return fmt.Sprintf("Box[%dx%d]", b.w, b.h) }

type Pair struct {
	A, B Temp
}

type ID int

func (i ID) String() string { return fmt.Sprintf("#%03d", int(i)) }

func main() {
	t := Temp(21.456)
	fmt.Println(t)
	fmt.Printf("%v %s %.2f\n", t, t, float64(t))
	b := Box{2, 3}
	fmt.Println(&b)
	fmt.Println(b)
	fmt.Println([]Temp{1, 2.25})
	fmt.Println(Pair{3, 4})
	fmt.Printf("%+v\n", Pair{5, 6})
	fmt.Println(map[ID]Temp{2: 10, 1: 5})
	fmt.Printf("%v %d %x\n", ID(7), ID(7), ID(255))
	var s fmt.Stringer = ID(42)
	fmt.Println(s.String(), s)
	fmt.Println(fmt.Sprint(ID(1), ID(2)), fmt.Sprint("a", ID(3)))
}
