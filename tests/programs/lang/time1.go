package main

// time.Duration formatting (String through fmt, %v/%s/%d), its methods
// (Seconds, Minutes, Hours, Milliseconds, Round, Truncate), time.ParseDuration
// with its error texts, and time.Now/Since/Unix/Sub/Add/Before on a clock:
// sleeping two seconds measures two seconds (gostack: virtual time).


import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, time.Second*90, time.Duration(0), d.Seconds(), d.Milliseconds())
	fmt.Printf("%v %s %d\n", d, time.Minute, d)
	fmt.Println(time.Duration(1), 1200*time.Microsecond, 2*time.Hour+3*time.Second+500*time.Millisecond, -d)
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second), (-d).Round(time.Second), d.Minutes(), d.Hours())
	for _, s := range []string{"1h15m30.918273645s", "-1.5h", "300ms", "2us", "1µs", "0", "1", "x", "1d", "", ".5s", "1.s"} {
		v, err := time.ParseDuration(s)
		fmt.Println(v, err)
	}
	start := time.Now()
	time.Sleep(2 * time.Second)
	el := time.Since(start)
	fmt.Println(el >= 2*time.Second, el < 3*time.Second)
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), start.Before(time.Now()))
	t := time.Unix(1700000000, 5)
	fmt.Println(t.Unix(), t.UnixNano(), t.Add(time.Hour).Sub(t))
	fmt.Println(time.Unix(0, 0).UTC())
}
