//! Net heap growth, for the soak test. The size of wasm memory is a high-water mark: it grows
//! whenever the runs' peak needs (several threads allocating spans at once) happen to
//! coincide, and never shrinks, so it cannot tell a leak from a busy moment. The bytes
//! allocated and not freed between two quiet moments can: after the same runs, the same state
//! holds the same bytes. And the most ever held at once ([`peak_bytes`]) tells how much of that
//! high-water mark the page's own needs explain: a tiny-task run under the GIL whose timeline
//! happened to draw some 2,200 bars instead of the usual 200 held about 2.8 MB more while it was
//! on screen, and wasm memory grew by about that much (2.9 MB), for good.
//!
//! The app's allocator is the standard one with a counter around it, off until the soak test
//! turns it on ([`start_counting`]). Off, it costs one load of a flag nobody writes; on, each
//! call also adds to one shared counter, which cost a run of 200,000 tiny pool tasks about 3%
//! when it was always on.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

/// The standard allocator, counting (once asked to) the bytes it hands out and takes back.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static NET: AtomicIsize = AtomicIsize::new(0);
/// The most `NET` has been.
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn note(bytes: usize, grew: bool) {
    if COUNTING.load(Relaxed) {
        let bytes = bytes as isize;
        if grew {
            let now = NET.fetch_add(bytes, Relaxed) + bytes;
            PEAK.fetch_max(now, Relaxed);
        } else {
            NET.fetch_sub(bytes, Relaxed);
        }
    }
}

// SAFETY: every call is passed to `System` unchanged; the counter only observes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is `System.alloc`'s.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            note(layout.size(), true);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            note(layout.size(), true);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        note(layout.size(), false);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`, and `new_size` meets `realloc`'s contract.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            note(new_size.abs_diff(layout.size()), new_size > layout.size());
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Starts counting (once; later calls change nothing).
pub fn start_counting() {
    COUNTING.store(true, Relaxed);
}

/// Bytes allocated and not freed since counting started, on every thread of this module's
/// memory (the page and the pool). Negative if more was freed than allocated since (memory
/// from before the start). Only differences between two readings mean anything.
pub fn net_bytes() -> isize {
    NET.load(Relaxed)
}

/// The most [`net_bytes`] has been since counting started: the page's peak need, over what it
/// held then. Exact: every value the counter takes when it grows is offered to the peak.
pub fn peak_bytes() -> isize {
    PEAK.load(Relaxed)
}
