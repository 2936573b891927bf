package main

// errors.New identity (two New calls with the same text differ), sentinel errors
// compared with == and errors.Is, errors.Is through a chain of %w wraps, custom
// Is methods.

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")
var ErrPerm = errors.New("permission denied")

type CodeErr struct{ Code int }

func (e CodeErr) Error() string { return fmt.Sprintf("code %d", e.Code) }
func (e CodeErr) Is(target error) bool {
	t, ok := target.(CodeErr)
	return ok && (t.Code == 0 || t.Code == e.Code)
}

func lookup(k string) error {
	if k == "" {
		return fmt.Errorf("lookup %q: %w", k, ErrNotFound)
	}
	if k == "root" {
		return fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", ErrPerm))
	}
	return nil
}

func main() {
	fmt.Println(errors.New("x") == errors.New("x"), ErrNotFound == ErrNotFound)
	e := lookup("")
	fmt.Println(e)
	fmt.Println(e == ErrNotFound, errors.Is(e, ErrNotFound), errors.Is(e, ErrPerm))
	e = lookup("root")
	fmt.Println(e, errors.Is(e, ErrPerm))
	fmt.Println(errors.Is(lookup("ok"), ErrNotFound), errors.Is(nil, nil))
	ce := fmt.Errorf("ctx: %w", CodeErr{404})
	fmt.Println(errors.Is(ce, CodeErr{404}), errors.Is(ce, CodeErr{0}), errors.Is(ce, CodeErr{500}))
}
