package main

// Type switches: concrete types, several types per case (variable keeps the
// interface type), nil case, default, interface cases, and a switch without
// a bound variable.

import "fmt"

type S struct{ a int }

func (s S) String() string { return fmt.Sprintf("S<%d>", s.a) }

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x+1)
	case string:
		return "string " + x + " len " + fmt.Sprint(len(x))
	case bool, float64:
		return fmt.Sprintf("bool or float %v", x)
	case []int:
		return fmt.Sprintf("slice of %d", len(x))
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []interface{}{nil, 1, "hi", true, 2.5, []int{1, 2}, S{3}, fmt.Errorf("bad"), func() int { return 7 }, map[string]int{}, int8(3)}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var v interface{} = 'x'
	switch v.(type) {
	case int32:
		fmt.Println("rune is int32")
	}
}
