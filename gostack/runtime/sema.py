"""sema: sync.WaitGroup, sync.Mutex and sync.RWMutex over runtime semaphores.

Go counterpart: runtime/sema.go (semacquire1, semrelease1: goroutines
parked on a semaphore address, in the semaRoot's queue), with the sync
package's state words (sync/waitgroup.go, sync/mutex.go, sync/rwmutex.go),
Go 1.19.

A WaitGroup's state is one word in the program's memory: the counter in the
high 32 bits, the number of waiters in the low 32; Wait parks on the
WaitGroup's address ("semacquire") and the Add that brings the counter to
zero readies every waiter.  A Mutex is an int32 in memory (0 unlocked, 1
locked); Lock parks on its address when it is held ("sync.Mutex.Lock") and
Unlock hands the lock straight to the first waiter (Go's starvation mode,
always), so a woken goroutine never has to retry.

Deliberate differences: the waiters are kept by the runtime in a map from
address to queue (Go: a treap of sudogs per semaRoot); an RWMutex's whole
state (readers, writer, both queues) is runtime state kept by address,
not words in the program's memory; a waiting writer blocks new readers, as
in Go.
"""

from __future__ import annotations

from collections import deque

from .panic import GoFatal, GoPanic
from .runtime2 import G

# A goroutine parked in WaitGroup.Wait is inside Go's sync package, whose frames
# a traceback shows above the caller's (Go 1.19 file positions); in the model
# that code is the runtime's, so these frames are printed, not executed.
WAITGROUP_WAIT_FRAMES = (("sync.runtime_Semacquire", "runtime/sema.go", 62),
                         ("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 139))


class RWState:
    """A sync.RWMutex's state, kept at object level by its address."""

    def __init__(self):
        self.readers = 0
        self.writer = False
        self.readers_waiting: deque = deque()
        self.writers_waiting: deque = deque()


class Sema:
    """The goroutines parked on sync objects, by the objects' addresses."""

    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace
        self.waiters: dict = {}        # address of a sync object -> deque of G
        self.rwmutexes: dict = {}      # address of a sync.RWMutex -> RWState

    def semacquire(self, g: G, addr: int, reason: str):
        """Park g on the semaphore at addr (sema.go's semacquire1)."""
        self.waiters.setdefault(addr, deque()).append(g)
        self.world.gopark(g, reason)

    # ---- sync.WaitGroup

    def wg_add(self, addr: int, delta: int):
        state = self.aspace.load(addr, "Q")
        counter, waiters = (state >> 32) + delta, state & 0xFFFFFFFF
        if counter < 0:
            raise GoPanic("sync: negative WaitGroup counter")
        if counter == 0 and waiters:
            for g in self.waiters.pop(addr, ()):
                self.world.goready(g)
            waiters = 0
        self.aspace.store(addr, "Q", (counter << 32) | waiters)

    def wg_wait(self, g: G, addr: int) -> bool:
        state = self.aspace.load(addr, "Q")
        if state >> 32 == 0:
            return True
        self.aspace.store(addr, "Q", state + 1)
        self.semacquire(g, addr, "semacquire")
        g.param = WAITGROUP_WAIT_FRAMES
        return False

    # ---- sync.Mutex

    def mutex_lock(self, g: G, addr: int) -> bool:
        if self.aspace.load(addr, "i") == 0:
            self.aspace.store(addr, "i", 1)
            return True
        self.semacquire(g, addr, "sync.Mutex.Lock")
        return False

    def mutex_unlock(self, addr: int):
        if self.aspace.load(addr, "i") == 0:
            raise GoFatal("sync: unlock of unlocked mutex")
        waiters = self.waiters.get(addr)
        if waiters:
            self.world.goready(waiters.popleft())     # hand the lock over; it stays locked
        else:
            self.aspace.store(addr, "i", 0)

    # ---- sync.RWMutex

    def rw(self, addr: int) -> RWState:
        return self.rwmutexes.setdefault(addr, RWState())

    def rw_rlock(self, g: G, addr: int) -> bool:
        st = self.rw(addr)
        if not st.writer and not st.writers_waiting:
            st.readers += 1
            return True
        st.readers_waiting.append(g)
        self.world.gopark(g, "sync.RWMutex.RLock")
        return False

    def rw_runlock(self, addr: int):
        st = self.rw(addr)
        if st.readers <= 0:
            raise GoFatal("sync: RUnlock of unlocked RWMutex")
        st.readers -= 1
        if st.readers == 0 and st.writers_waiting:
            st.writer = True
            self.world.goready(st.writers_waiting.popleft())

    def rw_lock(self, g: G, addr: int) -> bool:
        st = self.rw(addr)
        if not st.writer and st.readers == 0:
            st.writer = True
            return True
        st.writers_waiting.append(g)
        self.world.gopark(g, "sync.RWMutex.Lock")
        return False

    def rw_unlock(self, addr: int):
        st = self.rw(addr)
        if not st.writer:
            raise GoFatal("sync: Unlock of unlocked RWMutex")
        st.writer = False
        if st.readers_waiting:
            while st.readers_waiting:
                st.readers += 1
                self.world.goready(st.readers_waiting.popleft())
        elif st.writers_waiting:
            st.writer = True
            self.world.goready(st.writers_waiting.popleft())
