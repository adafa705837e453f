//! asyncio, modelled on the engine: the event loop is the cooperative main-thread scheduler
//! (`engine::main_thread` in `Interleaved` order, driven by the browser's own event loop in
//! `run::execute`, one slice per turn, waits as real timers).
//!
//! | asyncio | here |
//! | --- | --- |
//! | a coroutine | a [`Task`](crate::engine::Task): each `step` runs up to the next `await` |
//! | `await asyncio.sleep(s)` | `Step::Wait { ms }`: the loop sets a timer and runs others |
//! | `create_task(coro)` | a task of the run's plan: all are scheduled at the start |
//! | `gather(*tasks)` | [`Record::gather`](crate::pyapi::futures::Record::gather): values in argument order |
//! | `wait(tasks, return_when, timeout)` | [`pyapi::wait`](crate::pyapi::wait) on the async executor |
//! | `wait_for(t, timeout)` | `wait` with a timeout and cancel ([`pyapi::lens`](crate::pyapi::lens)) |
//! | `task.add_done_callback(f)` | the completion log ([`Record::as_completed`](crate::pyapi::futures::Record::as_completed)), each on the main lane |
//! | a coroutine that never awaits | [`blocking`]: it holds the only thread |
//!
//! The loop gives a task the thread until it awaits; the engine's cooperative executor also
//! takes the thread back every few ms of plain computing, which real coroutines do not do —
//! the blocking coroutine does its busy-wait in one step, so nothing can take the thread back.

pub mod blocking;
