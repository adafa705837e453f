//! CPU-bound workloads: pure kernels, each with a serial and a parallel version side by side
//! on the same input, so that comparing them *is* the lesson.

pub mod primes;
