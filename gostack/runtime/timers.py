"""timers: the virtual clock, time.Sleep and time.After.

Go counterpart: time.go (timeSleep, addtimer, runtimer, the per-P timer
heaps, sendTime in the time package), Go 1.19.

The clock is virtual: `now` (nanoseconds since the program started) moves
with the work done (World.tick adds NS_PER_STEP per step, shared by the Ps
that run at the same time) and jumps to the next timer when nothing can
run (proc.py's scheduler calls `fire`).  A sleeping goroutine parks with
wait reason "sleep" and is made ready when its timer fires; time.After's
channel (1-buffered) gets a zero time.Time.

Deliberate differences: one timer heap for the world (Go: one per P);
ties fire in the order the timers were added; the value time.After sends
is a zero Time, which the model's programs only receive.
"""

from __future__ import annotations

import heapq

from .runtime2 import G

TIME_SIZE = 24                         # time.Time on amd64 (wall, ext, loc)


class Timers:
    """The world's timers: a heap of (when, seq, what), what a G or a channel address."""

    def __init__(self, world):
        self.world = world
        self.heap: list = []
        self.seq = 0
        self.now = 0                   # virtual nanoseconds (time.Sleep)

    def sleep(self, g: G, duration: int) -> bool:
        """timeSleep: park g until now + duration; True if it need not park."""
        if duration <= 0:
            return True
        self.addtimer(duration, g)
        self.world.gopark(g, "sleep")
        return False

    def after(self, duration: int) -> int:
        """time.After: a 1-buffered channel that gets the time when the timer fires."""
        ch = self.world.chans.makechan(TIME_SIZE, 1)
        self.addtimer(max(duration, 0), ch)
        return ch

    def addtimer(self, duration: int, what):
        self.seq += 1
        heapq.heappush(self.heap, (self.now + duration, self.seq, what))

    def pending(self) -> bool:
        return bool(self.heap)

    def due(self) -> bool:
        """A timer's time has come (checked as the clock moves, in World.tick)."""
        return bool(self.heap) and self.heap[0][0] <= self.now

    def fire(self):
        """Nothing can run, or the clock passed a timer: advance to it and fire (runtimer)."""
        self.now = max(self.now, self.heap[0][0])
        while self.heap and self.heap[0][0] <= self.now:
            what = heapq.heappop(self.heap)[2]
            if isinstance(what, G):
                self.world.goready(what)
            else:
                self.send_time(what)

    def send_time(self, ch: int):
        chans = self.world.chans
        c = chans.hchan(ch)
        if c.recvq:
            sg = c.recvq.popleft()
            chans.write(sg.elem, bytes(TIME_SIZE))
            chans.finish(sg, True)
        elif len(c.buf) < c.dataqsiz:
            c.buf.append(bytes(TIME_SIZE))

    def roots(self):
        """The GC's roots here: time.After's channels, until their timers fire."""
        for _when, _seq, what in self.heap:
            if isinstance(what, int):
                yield what
