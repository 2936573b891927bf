// strconv_cases records strconv results from real Go for
// tests/unit/test_strconv.py.  Build it with Go 1.19 and run the binary:
//
//	cd tools && /usr/lib/go-1.19/bin/go build -o /tmp/strconv_cases strconv_cases.go
//	/tmp/strconv_cases > ../tests/unit/data/strconv_cases_go119.json
//
// Floats are written as their IEEE bits in hex (JSON has no NaN or Inf),
// byte strings that are not valid UTF-8 as {"hex": "..."}, and errors as
// their Error() text.  The random batches use fixed seeds, so a rerun
// writes the same file.
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

func str(b string) any {
	if utf8.ValidString(b) {
		return b
	}
	return map[string]string{"hex": hex.EncodeToString([]byte(b))}
}

func errText(err error) any {
	if err == nil {
		return nil
	}
	return str(err.Error())
}

func bits64(f float64) string { return fmt.Sprintf("%016x", math.Float64bits(f)) }

func main() {
	out := map[string]any{"go": "go1.19"}

	// FormatFloat: chosen values, every format, several precisions.
	chosen := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5,
		1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1e6, 1e21, 1e22, 1e23, 123456789, 1e-5, 1e-7,
		5e-324, 2.2250738585072014e-308, math.MaxFloat64, 9007199254740993, 4.35, 0.0049999,
		100, 1234.5678, 9.5, 99.95, 999999.5, 0.000001234, math.NaN(), math.Inf(1),
		math.Inf(-1), 3.4028234663852886e38, 1.401298464324817e-45, 16777217, 0.7, 1e38, 3e-39}
	var ff [][]any
	for _, v := range chosen {
		for _, bitSize := range []int{64, 32} {
			for _, fmtc := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'} {
				for _, prec := range []int{-1, 0, 1, 2, 3, 5, 6, 10, 15, 17, 20, 30} {
					if fmtc == 'b' && prec != -1 {
						continue
					}
					ff = append(ff, []any{bits64(v), string(fmtc), prec, bitSize,
						strconv.FormatFloat(v, fmtc, prec, bitSize)})
				}
			}
		}
	}
	out["format_float"] = ff

	// Random floats: bit patterns (every exponent) and short decimals, shortest
	// and fixed forms, in both sizes.
	rng := rand.New(rand.NewSource(119))
	var rf [][]any
	for i := 0; i < 3000; i++ {
		var v float64
		switch i % 3 {
		case 0:
			v = math.Float64frombits(rng.Uint64())
		case 1:
			v = float64(math.Float32frombits(rng.Uint32()))
		default:
			v = float64(rng.Int63n(2000000)-1000000) * math.Pow(10, float64(rng.Intn(40)-20))
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		bitSize := 64
		if i%3 == 1 || i%6 == 2 {
			bitSize = 32
		}
		prec := rng.Intn(20)
		rf = append(rf, []any{bits64(v), bitSize, prec,
			strconv.FormatFloat(v, 'g', -1, bitSize), strconv.FormatFloat(v, 'e', -1, bitSize),
			strconv.FormatFloat(v, 'e', prec, bitSize), strconv.FormatFloat(v, 'f', prec, bitSize),
			strconv.FormatFloat(v, 'g', prec, bitSize), strconv.FormatFloat(v, 'x', prec%15-1, bitSize)})
	}
	out["random_floats"] = rf

	// ParseFloat.
	floatInputs := []string{"0", "-0", "1", "+1", "1.5", ".5", "5.", ".", "", "-", "+", "1e10",
		"1E-10", "1e", "1e+", "1e+5x", "0x1p-2", "0x1.8p1", "0X1P+3", "0x1", "0x.8p1", "0x1p",
		"inf", "+Inf", "-INF", "infinity", "-Infinity", "infinit", "nan", "NaN", "-nan", "+nan",
		"nanx", "1_000.5", "1__0", "_1", "1_", "0x_1p0", "0x1_0p0", "1e1_0", "1e400", "-1e400",
		"1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "1.7976931348623157e308",
		"1.7976931348623159e308", "1.7976931348623158e308", "3.4028235e38", "3.4028236e38",
		"1e-46", "7e-46", "0.1", "0.30000000000000004", "123456789012345678901234567890",
		"2.2250738585072011e-308", "1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124", "0x1.fffffffffffff8p1023",
		"0x1.fffffep127", "0x1.ffffffp127", "1e99999", "1e-99999", "00012", "1.2.3", "1e5.5",
		" 1", "1 ", "0x", "0x.p1", "1ee5", "Infinityx", "i", "in", "9007199254740993",
		"16777217", "0.000000000000000000000000000000000000000000001"}
	var pf [][]any
	for _, s := range floatInputs {
		for _, bitSize := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, bitSize)
			pf = append(pf, []any{s, bitSize, bits64(v), errText(err)})
		}
	}
	for i := 0; i < 400; i++ {
		s := strconv.FormatFloat(float64(rng.Int63n(1e15))*math.Pow(10, float64(rng.Intn(60)-40)), 'g', rng.Intn(25)+1, 64)
		for _, bitSize := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, bitSize)
			pf = append(pf, []any{s, bitSize, bits64(v), errText(err)})
		}
	}
	out["parse_float"] = pf

	// ParseInt, ParseUint, Atoi.
	intInputs := []string{"0", "1", "-1", "+1", "42", "-42", "12a", "", "-", "+", " 1",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "18446744073709551615", "18446744073709551616",
		"99999999999999999999", "0x1f", "0X1F", "0b101", "0o17", "017", "08", "1_000",
		"0x_1f", "1__0", "_1", "1_", "0x", "0b", "ff", "FF", "zz", "127", "128", "-128", "-129",
		"255", "256", "32767", "65536", "2147483648", "4294967296", "1e3", "0.5", "--1",
		"-0", "00", "0_0", "-0x10", "abc", "12345678901234567890123"}
	var pi [][]any
	for _, s := range intInputs {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bitSize := range []int{0, 8, 16, 32, 64, 65} {
				v, err := strconv.ParseInt(s, base, bitSize)
				u, uerr := strconv.ParseUint(s, base, bitSize)
				pi = append(pi, []any{s, base, bitSize, v, errText(err), u, errText(uerr)})
			}
		}
	}
	out["parse_int"] = pi
	var at [][]any
	for _, s := range intInputs {
		v, err := strconv.Atoi(s)
		at = append(at, []any{s, v, errText(err)})
	}
	out["atoi"] = at

	var pb [][]any
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false",
		"FALSE", "False", "yes", "", "tRUE", "2"} {
		v, err := strconv.ParseBool(s)
		pb = append(pb, []any{s, v, errText(err)})
	}
	out["parse_bool"] = pb

	// FormatInt / FormatUint / Itoa.
	var fi [][]any
	for _, n := range []int64{0, 1, -1, 35, 36, -36, 255, 1 << 40, math.MaxInt64, math.MinInt64} {
		for _, base := range []int{2, 8, 10, 16, 36} {
			fi = append(fi, []any{n, base, strconv.FormatInt(n, base), strconv.FormatUint(uint64(n), base)})
		}
	}
	out["format_int"] = fi

	// Quoting.
	quoteInputs := []string{"", "abc", "a\"b", "a\\b", "'", "`", "\a\b\f\n\r\t\v", "\x00\x1f\x7f",
		"héllo", "世界", "\U0001F600", "\u200b", "\ufeff", "\u00ad", "\xff", "a\xffb", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xe2\x82", "\u2028\u2029", "\u0378", "\U000E0001", "\U0010FFFF", "\ufffd",
		"\u061c", "\u1680", "\u3000", "\u00a0", "tab\there", "\U0001FAF8", "\u32ff", "\u0d04",
		"\u08be", "\U00016fe4", "\U0001f6d8", "\U0001f7f0", "\u0c5d", "\u2e53"}
	var qs [][]any
	for _, s := range quoteInputs {
		qs = append(qs, []any{str(s), str(strconv.Quote(s)), str(strconv.QuoteToASCII(s)), strconv.CanBackquote(s)})
	}
	out["quote"] = qs
	var qr [][]any
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0x80, 0x9f, 0xa0, 0xad, 'é',
		'☺', 0x1F600, 0xD800, 0x10FFFF, 0x110000, -1, 0xFFFD, 0xFEFF, 0x200B, 0x378, 0xE0001} {
		qr = append(qr, []any{r, str(strconv.QuoteRune(r)), str(strconv.QuoteRuneToASCII(r))})
	}
	out["quote_rune"] = qr
	var uq [][]any
	for _, s := range []string{`"abc"`, `"a\nb"`, `"\x41\u00e9\U0001F600"`, `"\101"`, `"\400"`,
		`"\xff"`, `'a'`, `'ab'`, `''`, `'\''`, `'\"'`, `"\'"`, "`raw\\n`", "`a\rb`", "`a`b`",
		`"unterminated`, `"a"b`, `abc`, `"`, ``, `"\q"`, `"\u12"`, `"\ud800"`, `'\xff'`,
		"'\xff'", "\"\xff\"", `"a` + "\n" + `b"`, `'☺'`, `"☺"`, `"\\"`, `"\"`, "'\n'", `'\n'`,
		`"\0"`, `"\08"`, `"\a\b\f\r\t\v"`, `"\x4"`, `"\U00110000"`, `'\U0001F600'`, `"'"`} {
		v, err := strconv.Unquote(s)
		uq = append(uq, []any{str(s), str(v), errText(err)})
	}
	out["unquote"] = uq

	// IsPrint on a sample of every 7th rune, as a string of 0s and 1s.
	var ip strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r += 7 {
		if strconv.IsPrint(r) {
			ip.WriteByte('1')
		} else {
			ip.WriteByte('0')
		}
	}
	out["is_print_every_7th"] = ip.String()

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
