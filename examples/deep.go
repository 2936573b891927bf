// deep: a 100000-deep recursion on a goroutine stack that starts at 2 KB.
//
// Every call keeps a 64-byte array in its frame and passes a pointer to one
// of its own locals down to the next call, which writes its result through
// that pointer.  The stack has to grow from 2 KB to 16 MB on the way down;
// each growth copies every frame to a new stack and adjusts every pointer
// into the old one, so the pointers below stay right after 13 copies.
//
//	gostack run --stats examples/deep.go
package main

import "runtime"

const depth = 100000

var bottom runtime.MemStats

// descend fills its array, recurses, and stores into *parent the sum of
// its array and of everything below it.
func descend(n int, parent *int64) {
	var pad [8]int64 // 64 bytes in this frame
	for i := 0; i < len(pad); i++ {
		pad[i] = int64(n*8 + i)
	}
	var below int64 // the next call writes here, through &below
	if n > 0 {
		descend(n-1, &below)
	} else {
		runtime.ReadMemStats(&bottom)
	}
	sum := below
	for i := 0; i < len(pad); i++ {
		sum += pad[i]
	}
	*parent = sum
}

func main() {
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	var total int64
	descend(depth, &total)

	// pad[i] = 8n+i at every level n = 0..depth
	var want int64 = 64*depth*(depth+1)/2 + 28*(depth+1)
	println("depth:", depth)
	println("sum:", total, "want:", want, "ok:", total == want)
	println("stack in use before (KB):", before.StackInuse>>10)
	println("stack in use at the bottom (KB):", bottom.StackInuse>>10)
}
