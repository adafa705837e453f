//! Running several futures of one run side by side on one thread, without a runtime: the
//! page's process lanes, and a watch beside them.

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::Poll;

/// Awaits `job` while polling `side`, which never finishes on its own (a watch loop).
pub async fn while_polling<T>(job: impl Future<Output = T>, side: impl Future<Output = ()>) -> T {
    let mut job = pin!(job);
    let mut side = pin!(side);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(v) = job.as_mut().poll(cx) {
            return Poll::Ready(v);
        }
        let _ = side.as_mut().poll(cx);
        Poll::Pending
    })
    .await
}

/// Awaits every future, polling each that has not finished whenever woken; resolves once all
/// have (in no particular order: the outputs are dropped).
pub async fn all<'a>(futures: Vec<Pin<Box<dyn Future<Output = ()> + 'a>>>) {
    let mut left: Vec<_> = futures.into_iter().map(Some).collect();
    std::future::poll_fn(|cx| {
        for slot in left.iter_mut() {
            if let Some(f) = slot {
                if f.as_mut().poll(cx).is_ready() {
                    *slot = None;
                }
            }
        }
        if left.iter().all(Option::is_none) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await
}
