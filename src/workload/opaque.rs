//! A value the optimiser may not see through, at the cost of one machine register.
//!
//! The kernels' loops must do their work step by step (a counter that the optimiser turned into
//! `c = to` would measure nothing). `std::hint::black_box` does that natively for free, but on
//! wasm32 it stores the value to the shadow stack in linear memory and loads it back: a
//! store→load chain on every increment that made the counter ~11× slower than native. On wasm32
//! an empty inline-assembly block that takes and returns the value in a wasm local hides it
//! just as well and leaves it in the local.

/// `x`, unknown to the optimiser.
#[inline(always)]
pub fn opaque(x: u64) -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        let mut x = x;
        // SAFETY: the template is empty: the value goes into a wasm local and comes back
        // unchanged, with no memory or stack touched.
        unsafe { core::arch::asm!("/* {0} */", inout(local) x, options(pure, nomem, nostack)) };
        x
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::hint::black_box(x)
    }
}

#[cfg(test)]
mod tests {
    use super::opaque;

    #[test]
    fn returns_the_value_unchanged() {
        for x in [0, 1, 41, u64::MAX] {
            assert_eq!(opaque(x), x);
        }
    }
}
