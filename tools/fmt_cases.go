// fmt_cases records fmt.Sprintf/Sprint/Sprintln/Errorf results from real Go
// for tests/unit/test_fmt.py.  Build it with Go 1.19 and run the binary:
//
//	cd tools && /usr/lib/go-1.19/bin/go build -o /tmp/fmt_cases fmt_cases.go
//	/tmp/fmt_cases > ../tests/unit/data/fmt_cases_go119.json
//
// Every operand is described by reflection (kind, %T name, value, fields,
// elements, map entries, the results of its Error/String/GoString methods,
// or the value they panicked with), so the Python test can rebuild the same
// operand in gostack's value model without a hand-written copy of each.
// Byte strings that are not valid UTF-8 are written as {"hex": "..."}.
package main

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"unicode/utf8"
	"unsafe"
)

type Point struct {
	X, Y int
}

type Named struct {
	Name string
	Age  int
	tags []string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type PtrStringer struct{ N int }

func (p *PtrStringer) String() string { return fmt.Sprintf("P(%d)", p.N) }

type ValStringer struct{ N int }

func (v ValStringer) String() string { return fmt.Sprintf("V(%d)", v.N) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as stringer" }

type Panicky struct{}

func (Panicky) String() string { panic("boom") }

type PanicErr struct{}

func (PanicErr) String() string { panic(errors.New("inner error")) }

type GoSyn struct{ A int }

func (GoSyn) GoString() string { return "GoSyn!" }

type Embed struct {
	Point
	Z int
}

type WithIface struct {
	E error
	A any
	S fmt.Stringer
}

type Hidden struct {
	c Celsius
	C Celsius
}

type MyInt int
type MyStr string
type MyBytes []byte
type IntSlice []int
type StrMap map[string]int

type Tree struct {
	Left  *Tree
	Val   int
	Right *Tree
}

type Inner struct{ A, B int }
type Outer struct {
	In  Inner
	Ptr *Inner
	Arr [2]Inner
	M   map[string]Inner
}

type Colour int

const (
	Red Colour = iota
	Green
)

func (c Colour) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return fmt.Sprintf("Colour(%d)", int(c))
}

type Case struct {
	Fn     string        `json:"fn"`
	Format any           `json:"format"`
	Args   []any         `json:"args"`
	Want   any           `json:"want"`
	Wrap   *int          `json:"wrapped,omitempty"`
	raw    []interface{} // the operands themselves
}

func str(b string) any {
	if utf8.ValidString(b) {
		return b
	}
	return map[string]string{"hex": hex.EncodeToString([]byte(b))}
}

var kindNames = map[reflect.Kind]string{
	reflect.Bool: "bool", reflect.Int: "int", reflect.Int8: "int8", reflect.Int16: "int16",
	reflect.Int32: "int32", reflect.Int64: "int64", reflect.Uint: "uint", reflect.Uint8: "uint8",
	reflect.Uint16: "uint16", reflect.Uint32: "uint32", reflect.Uint64: "uint64",
	reflect.Uintptr: "uintptr", reflect.Float32: "float32", reflect.Float64: "float64",
	reflect.Complex64: "complex64", reflect.Complex128: "complex128", reflect.String: "string",
	reflect.Pointer: "ptr", reflect.Struct: "struct", reflect.Array: "array",
	reflect.Slice: "slice", reflect.Map: "map", reflect.Chan: "chan", reflect.Func: "func",
	reflect.Interface: "interface", reflect.UnsafePointer: "unsafeptr",
}

// callMethod runs one formatting method and reports its result or its panic.
func callMethod(call func() string) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = map[string]any{"panic": describe(reflect.ValueOf(r), true, 1)}
		}
	}()
	return str(call())
}

func methods(v reflect.Value) map[string]any {
	if !v.CanInterface() {
		return nil
	}
	m := map[string]any{}
	x := v.Interface()
	if e, ok := x.(error); ok {
		m["Error"] = callMethod(e.Error)
	}
	if s, ok := x.(fmt.Stringer); ok {
		m["String"] = callMethod(s.String)
	}
	if g, ok := x.(fmt.GoStringer); ok {
		m["GoString"] = callMethod(g.GoString)
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

func floatBits(f float64) string { return fmt.Sprintf("%016x", math.Float64bits(f)) }

var inPointee int // pointee descriptions being written (2 levels suffice)

// describe writes a value for the Python side; depth 0 is an operand.
func describe(v reflect.Value, canIface bool, depth int) any {
	if !v.IsValid() {
		return nil
	}
	d := map[string]any{"k": kindNames[v.Kind()], "t": v.Type().String()}
	if canIface {
		if m := methods(v); m != nil {
			d["m"] = m
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		d["v"] = v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d["v"] = v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d["v"] = v.Uint()
	case reflect.Float32, reflect.Float64:
		d["v"] = floatBits(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		d["v"] = []string{floatBits(real(c)), floatBits(imag(c))}
	case reflect.String:
		d["v"] = str(v.String())
	case reflect.Pointer:
		d["v"] = uint64(v.Pointer())
		d["ek"] = kindNames[v.Type().Elem().Kind()]
		// fmt prints &{...} for a pointer at depth 0, and a %!verb(...)
		// report prints its pointer operand at depth 0 too, wherever it was:
		// describe the pointee once (two levels deep at most, for cycles).
		if !v.IsNil() && inPointee < 2 {
			switch v.Elem().Kind() {
			case reflect.Struct, reflect.Array, reflect.Slice, reflect.Map:
				inPointee++
				d["elem"] = describe(v.Elem(), canIface, depth+1)
				inPointee--
			}
		}
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		d["v"] = uint64(v.Pointer())
	case reflect.Array, reflect.Slice:
		d["ek"] = kindNames[v.Type().Elem().Kind()]
		if v.Kind() == reflect.Slice {
			d["addr"] = uint64(v.Pointer())
			if v.IsNil() {
				d["v"] = nil
				break
			}
		}
		items := []any{}
		for i := 0; i < v.Len(); i++ {
			items = append(items, describe(v.Index(i), canIface, depth+1))
		}
		d["v"] = items
	case reflect.Struct:
		fields := []any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			fields = append(fields, []any{f.Name, describe(v.Field(i), canIface && f.IsExported(), depth+1)})
		}
		d["v"] = fields
	case reflect.Map:
		d["addr"] = uint64(v.Pointer())
		if v.IsNil() {
			d["v"] = nil
			break
		}
		entries := []any{}
		it := v.MapRange()
		for it.Next() {
			entries = append(entries, []any{describe(it.Key(), canIface, depth+1), describe(it.Value(), canIface, depth+1)})
		}
		d["v"] = entries
	case reflect.Interface:
		if v.IsNil() {
			d["v"] = nil
		} else {
			d["v"] = describe(v.Elem(), canIface, depth+1)
		}
	}
	return d
}

var cases []Case

func add(fn string, format string, args ...any) {
	c := Case{Fn: fn, Format: str(format), raw: args}
	for _, a := range args {
		c.Args = append(c.Args, describe(reflect.ValueOf(a), true, 0))
	}
	if c.Args == nil {
		c.Args = []any{}
	}
	switch fn {
	case "sprintf":
		c.Want = str(fmt.Sprintf(format, args...))
	case "sprint":
		c.Want = str(fmt.Sprint(args...))
	case "sprintln":
		c.Want = str(fmt.Sprintln(args...))
	case "errorf":
		err := fmt.Errorf(format, args...)
		c.Want = str(err.Error())
		if w := errors.Unwrap(err); w != nil {
			for i, a := range args {
				if e, ok := a.(error); ok && e == w {
					idx := i
					c.Wrap = &idx
					break
				}
			}
		}
	}
	cases = append(cases, c)
}

func f(format string, args ...any) { add("sprintf", format, args...) }

func main() {
	var nilPtr *Point
	var nilMyErr *MyErr
	var nilSlice []int
	var nilMap map[string]int
	var nilErr error
	var nilFunc func()
	var nilChan chan int
	nan := math.NaN()
	inf := math.Inf(1)
	x := 42
	ch := make(chan int)
	fn := func(int) string { return "" }

	// Integers with every verb and flag.
	ints := []any{0, 1, -1, 42, -42, 255, 1234567, math.MaxInt64, math.MinInt64,
		int8(-128), int16(300), int32(-7), int64(1 << 40), uint(7), uint8(200),
		uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), uintptr(0x1000)}
	for _, verb := range []string{"%v", "%d", "%+d", "% d", "%5d", "%-5d|", "%05d", "%x",
		"%X", "%#x", "%#X", "%o", "%#o", "%O", "%b", "%#b", "%.3d", "%8.3d", "%+.3d",
		"%-08d|", "%+05d", "% 05d", "%#v", "%#08x", "%.0d", "%5.0d|", "%q", "%c", "%U",
		"%#U", "%t", "%s", "%e", "%x%%"} {
		for _, v := range ints {
			f(verb, v)
		}
	}
	for _, r := range []any{'A', 'é', '☺', 0x1F600, '\n', '\'', '"', 0x7F, 0xD800,
		0x110000, -1, 0x200B, 0xFEFF, ' ', '\t', 0x10FFFF, 0xE000, 0x2028, 0x378} {
		for _, verb := range []string{"%c", "%q", "%+q", "%#q", "%U", "%#U", "%#.6U", "%-8U|", "%08c"} {
			f(verb, r)
		}
	}

	// Floats.
	floats := []any{0.0, math.Copysign(0, -1), 1.0, -1.5, 0.1, 1.0 / 3, 2.0 / 3, 1e6, 1e5,
		123456789.0, 1e21, 1e20, 1e-5, 1e-4, 0.000123, 1e-7, 123.456, 5e-324,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 100.0, 2.5, 3.5, 0.125, 1.005,
		nan, inf, -inf, 1e23, 9.999999999e22, float32(0.1), float32(1e6),
		float32(3.4028234663852886e38), float32(1.0 / 3), float32(16777217), float32(1e-45),
		float32(-2.5), float32(123456.78)}
	for _, verb := range []string{"%v", "%g", "%G", "%e", "%E", "%f", "%F", "%.2f",
		"%.0f", "%.3e", "%.3g", "%10.3f|", "%-10.3f|", "%+.2e", "% .2f", "%010.3f",
		"%+010.3f", "%#g", "%#.3g", "%#v", "%x", "%X", "%.2x", "%b", "%#.0f", "%#.0e",
		"%8v|", "%-8v|", "%08v", "%.1g", "%.10g", "%.20f", "%#x", "%d", "%s", "% g", "%+v"} {
		for _, v := range floats {
			f(verb, v)
		}
	}
	complexes := []any{1 + 2i, complex(-1.5, -0.5), complex(0, 0), complex64(1.25 - 3i),
		complex(nan, inf), complex(1e21, 1e-7)}
	for _, verb := range []string{"%v", "%g", "%.2f", "%+.1e", "%8.2f|", "%#v", "%d", "%x", "%010.2f"} {
		for _, v := range complexes {
			f(verb, v)
		}
	}

	// Strings and bytes.
	strs := []any{"", "hello", "héllo, 世界", "tab\there", "quote\"and\\back", "new\nline",
		"bad\xffutf8", "\x00\x01\x7f", "`back`", "\u200b\ufeff", "\U0001F600", MyStr("named"),
		"\u00ad soft", "\xed\xa0\x80", "\xc0\x80", "a\xe2\x82"}
	for _, verb := range []string{"%v", "%s", "%q", "%+q", "%#q", "%x", "%X", "% x", "%# x",
		"%#x", "%10s|", "%-10s|", "%.3s", "%.2q", "%5.1s|", "%010s", "%#v", "%d", "%T", "%.1x",
		"%T", "%c", "%08q"} {
		for _, v := range strs {
			f(verb, v)
		}
	}
	byteVals := []any{[]byte("hi"), []byte{}, []byte(nil), []byte{0, 255, 10},
		MyBytes("named"), [3]byte{'a', 'b', 'c'}, []byte("bad\xff")}
	for _, verb := range []string{"%v", "%s", "%q", "%x", "%X", "% x", "%#x", "%d", "%#v",
		"%T", "%5s|", "%.1s", "%08b", "%c", "%t"} {
		for _, v := range byteVals {
			f(verb, v)
		}
	}

	// Booleans.
	for _, verb := range []string{"%v", "%t", "%5t|", "%-6t|", "%d", "%#v", "%q", "%s"} {
		f(verb, true)
		f(verb, false)
	}

	// Composites.
	pt := Point{1, 2}
	named := Named{"Ann", 30, []string{"a", "b"}}
	emb := Embed{Point{3, 4}, 5}
	wi := WithIface{E: errors.New("e1"), A: 7, S: Celsius(20)}
	var wiNil WithIface
	tree := &Tree{Val: 1, Left: &Tree{Val: 0}}
	outer := Outer{In: Inner{1, 2}, Ptr: &Inner{3, 4}, Arr: [2]Inner{{5, 6}, {7, 8}},
		M: map[string]Inner{"k": {9, 10}}}
	composites := []any{pt, &pt, named, emb, wi, wiNil, []int{1, 2, 3}, []int{}, nilSlice,
		[3]int{4, 5, 6}, [0]int{}, []string{"a", "b c"}, []any{1, "x", nil, 2.5},
		map[string]int{"b": 2, "a": 1, "c": 3}, map[int]string{3: "c", -1: "z", 2: "b"},
		nilMap, map[string]int{}, IntSlice{9, 8}, StrMap{"z": 26, "y": 25}, [][]int{{1}, {2, 3}},
		map[float64]string{nan: "nan", 1: "one", -inf: "minf", 0.5: "half"},
		map[bool]int{true: 1, false: 0}, map[Point]string{{2, 1}: "b", {1, 2}: "a", {1, 1}: "c"},
		map[[2]int]int{{2, 1}: 1, {1, 9}: 2}, map[any]int{1: 1, "a": 2, 2: 3, "b": 4},
		struct {
			A int
			B string
		}{1, "x"}, struct{}{}, tree, outer, &outer, []*Point{nil}, &[]int{1}, &map[string]int{"a": 1},
		&[2]string{"p", "q"}, []error{nil, errors.New("x")}, map[string][]int{"a": {1}, "b": nil},
		[]Point{{1, 2}, {3, 4}}, []any{[]int{1}, map[string]int{"a": 1}, &pt},
		map[MyStr]Colour{"x": Green, "a": Red}, [2]bool{true, false}, []float32{0.1, 2.5},
		[]complex128{1 + 1i}, map[int]bool{}, Hidden{Celsius(1), Celsius(2)},
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%d", "%s", "%T", "%x", "%q", "%5v", "%03d", "%.1f"} {
		for _, v := range composites {
			f(verb, v)
		}
	}

	// Pointers, channels, functions, nil.
	ptrs := []any{&x, nilPtr, ch, nilChan, fn, nilFunc, unsafe.Pointer(&x), unsafe.Pointer(nil),
		nilMyErr, []int{1, 2}, map[string]int{"a": 1}, &pt, &named}
	for _, verb := range []string{"%p", "%#p", "%v", "%#v", "%x", "%X", "%d", "%s", "%t", "%20p|", "%-20p|", "%T", "%b", "%o"} {
		for _, v := range ptrs {
			f(verb, v)
		}
	}
	for _, verb := range []string{"%v", "%d", "%s", "%T", "%#v", "%p", "%x", "%5v|", "%-5v|"} {
		f(verb, nil)
		f(verb, nilErr)
	}

	// Methods: Stringer, error, GoStringer, panics, nil receivers.
	methodVals := []any{Celsius(21.5), &PtrStringer{3}, PtrStringer{4}, ValStringer{5},
		&ValStringer{6}, &MyErr{7}, Both{}, Panicky{}, PanicErr{}, GoSyn{1}, &GoSyn{2},
		Colour(1), Colour(9), []Colour{Red, Green}, map[Colour]int{Green: 1, Red: 0},
		[]fmt.Stringer{Celsius(1), nil}, errors.New("plain"), fmt.Errorf("wrapped: %w", errors.New("in")),
		nilMyErr, (*PtrStringer)(nil), (*ValStringer)(nil), MyInt(5), struct{ C Celsius }{3},
		[]error{&MyErr{1}}, map[string]fmt.Stringer{"a": Celsius(1)}}
	for _, verb := range []string{"%v", "%s", "%q", "%x", "%d", "%+v", "%#v", "%10v|", "%-10s|", "%.3s", "%T"} {
		for _, v := range methodVals {
			f(verb, v)
		}
	}

	// Widths, precisions, indexes and every error form.
	f("%*d", 5, 42)
	f("%-*d|", 5, 42)
	f("%*d|", -5, 42)
	f("%.*f", 2, 3.14159)
	f("%*.*f|", 8, 3, 3.14159)
	f("%.*d", -1, 42)
	f("%*d", "x", 42)
	f("%.*d", "x", 42)
	f("%*d", uint(3), 1)
	f("%*d", int8(-3), 1)
	f("%*d", 10000000, 1)
	f("%*d", uint64(math.MaxUint64), 1)
	f("%*d")
	f("%.*d", 3)
	f("%[2]d %[1]d", 1, 2)
	f("%[3]d", 1, 2)
	f("%[0]d", 1)
	f("%[x]d", 1)
	f("%[1]d %d", 1, 2)
	f("%[2]*[1]d|", 12, 5)
	f("%[1]*d|", 5)
	f("%[2].[1]*f|", 2, 3.14159)
	f("%[3]*.[2]*[1]f", 12.0, 2, 6)
	f("%[1]d %[1]x %[1]o", 64)
	f("%[5]d", 1, 2)
	f("%[1]2d", 1)
	f("%[1].2d", 1)
	f("%[2", 1)
	f("%[]d", 1)
	f("%[-1]d", 1)
	f("%d %d", 1)
	f("%d", 1, 2)
	f("%d", 1, "x", nil, 2.5)
	f("%s", "a", []int{1}, &x == nil)
	f("%")
	f("abc%")
	f("%-")
	f("%5")
	f("%.")
	f("%!")
	f("%z", 1)
	f("%ä", 1)
	f("%\xff", 1)
	f("%%%d%%", 5)
	f("%5%")
	f("%-5%|")
	f("%d%%%s", 1)
	f("no verbs")
	f("no verbs", 1)
	f("%[2]d", 1, 2)
	f("%v %v", []any{1, 2}...)
	f("%100000000d", 1)
	f("%.100000000d|", 1)
	f("%1000001", 1)
	f("%d%", 1)
	f("%+q %#q %q", "☺", "☺", "\x00")
	f("%#+q", "☺\n")
	f("%w", errors.New("x"))
	f("%x %X %#x", "hi", []byte("hi"), "")
	f("%6.2f|%-6.2f|%06.2f", 1.0, 1.0, -1.0)
	f("%t %v %s", true, false, true)
	f("%v %v", int8(-1), uint8(255))
	f("%08.3f %+08d % 08d", -3.14159, 5, 5)
	f("%-08s|%08s|", "ab", "ab")
	f("%x", -255)
	f("%#o %#O %O", 8, 8, -8)
	f("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5)
	f("%5.2s|%-5.2s|", "héllo", "héllo")
	f("%c%c%c", 72, 105, 0x1F600)
	f("%U %#U %#U", 0x41, 0x41, 0x10FFFF+1)
	f("%v", [][]string{{"a"}, nil})
	f("%p", []int(nil))
	f("%#v %#v", []int(nil), map[int]int(nil))
	f("%v|%s|%d", struct {
		a int
		B []byte
	}{1, []byte("x")}, struct{ B []byte }{[]byte("x")}, struct{ B []byte }{[]byte("x")})

	// Flag combinations and nested methods.
	for _, verb := range []string{"%+#v", "%#+v", "%-#10x|", "%# 10x|", "%+ d", "%0-5d|", "%-05d|",
		"%+.3v", "%.2v", "%08.3v", "%-5c|", "%.30e", "%#.10v", "% +v", "%+q", "%#q", "%x", "%X",
		"% X", "%.1q", "%#s", "%+s"} {
		for _, v := range []any{42, -7, "héllo", 3.25, float32(1e-7), Point{1, -2},
			[][]byte{[]byte("hi"), nil}, []string{"ab", "\xff"}, []*PtrStringer{{1}, nil},
			map[string]any{"a": nil, "b": []int{1}}, 'x', true, Celsius(-3), &MyErr{2}} {
			f(verb, v)
		}
	}
	f("%v %s %d", []*ValStringer{{1}, nil}, []*ValStringer{{1}}, []*ValStringer{{1}})
	f("%v", struct {
		P *PtrStringer
		V ValStringer
		p *PtrStringer
		v ValStringer
	}{&PtrStringer{1}, ValStringer{2}, &PtrStringer{3}, ValStringer{4}})
	f("%+v", map[string]Embed{"k": {Point{1, 2}, 3}})
	f("%v|%+v|%#v", [2][]int{{1}, nil}, [2][]int{{1}, nil}, [2][]int{{1}, nil})
	f("%v %v", map[*int]int{nil: 1}, map[chan int]int{nil: 1})
	f("%s", []any{"a", 1, []byte("b"), nil})
	f("%q", []any{"a", 1, 'c', nil})

	// Random formats: flags, widths, precisions, indexes and verbs mixed at
	// random over a pool of operands (fixed seed, so reruns agree).
	rng := rand.New(rand.NewSource(19))
	pool := []any{0, -17, 255, uint8(7), int64(-1 << 40), uint64(1 << 63), 3.25, -0.001,
		float32(2.5), 1e100, nan, "hé", "", []byte("ab"), true, 'z', Point{1, 2}, &pt, nilPtr,
		[]int{1, -2}, map[string]int{"k": 1}, Celsius(5), &MyErr{1}, nil, complex(1, -2), MyInt(3)}
	verbs := "vvvdsqxXobeEfFgGtcUTp%wyO"
	for n := 0; n < 1500; n++ {
		var b strings.Builder
		for k := rng.Intn(3) + 1; k > 0; k-- {
			if rng.Intn(3) == 0 {
				b.WriteString("<")
			}
			b.WriteByte('%')
			for _, flag := range "#0+- " {
				if rng.Intn(5) == 0 {
					b.WriteRune(flag)
				}
			}
			if rng.Intn(8) == 0 {
				fmt.Fprintf(&b, "[%d]", rng.Intn(4))
			}
			switch rng.Intn(4) {
			case 0:
				fmt.Fprintf(&b, "%d", rng.Intn(12))
			case 1:
				b.WriteByte('*')
			}
			switch rng.Intn(4) {
			case 0:
				fmt.Fprintf(&b, ".%d", rng.Intn(8))
			case 1:
				b.WriteString(".*")
			case 2:
				b.WriteString(".")
			}
			b.WriteByte(verbs[rng.Intn(len(verbs))])
		}
		var args []any
		for k := rng.Intn(4); k > 0; k-- {
			if rng.Intn(3) == 0 {
				args = append(args, rng.Intn(20)-5) // a likely width or precision
			} else {
				args = append(args, pool[rng.Intn(len(pool))])
			}
		}
		f(b.String(), args...)
	}

	// Errorf and %w.
	e1 := errors.New("base")
	e2 := &MyErr{3}
	add("errorf", "wrap: %w", e1)
	add("errorf", "wrap: %v", e1)
	add("errorf", "two: %w %w", e1, e2)
	add("errorf", "int: %w", 5)
	add("errorf", "nil: %w", nilErr)
	add("errorf", "%w then %d", e2, 4)
	add("errorf", "%d then %w", 4, e2)
	add("errorf", "%w", 1, e1)
	add("errorf", "%s: %w", "ctx", e2)
	add("errorf", "%w %w", 1, e1)
	add("errorf", "%w %w", Point{}, e1)
	add("errorf", "%+w", e1)
	add("errorf", "%10w|", e1)

	// Print and Println spacing.
	printArgs := [][]any{{}, {1}, {1, 2}, {"a", "b"}, {"a", 1, "b"}, {1, "a", 2}, {1, 2, "x", 3, 4},
		{nil, nil}, {nil, "s", nil}, {MyStr("s"), 1}, {1.5, true, 'x'}, {[]int{1}, map[string]int{"a": 1}},
		{Celsius(3), Celsius(4)}, {errors.New("e"), 5}, {"", ""}, {"", 1, ""}, {&pt, pt}, {nilPtr, nilSlice, nilMap},
		{float32(0.1), 0.1, 1e21, 1e-7}, {complex(1, -1)}, {Panicky{}, 1}, {[]byte("hi")}}
	for _, a := range printArgs {
		add("sprint", "", a...)
		add("sprintln", "", a...)
	}

	// One case per line keeps the file diffable.
	fmt.Println(`{"go": "go1.19", "cases": [`)
	for i, c := range cases {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(c); err != nil {
			panic(err)
		}
		sep := ","
		if i == len(cases)-1 {
			sep = ""
		}
		fmt.Print(strings.TrimSuffix(b.String(), "\n") + sep + "\n")
	}
	fmt.Println("]}")
}
