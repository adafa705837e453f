//! Wiring a child's event to a reducer: one line per callback.

use yew::prelude::*;

/// A callback that dispatches `to(value)` to the reducer behind `dispatch`.
pub fn send<S, T>(
    dispatch: &UseReducerDispatcher<S>,
    to: impl Fn(T) -> S::Action + 'static,
) -> Callback<T>
where
    S: Reducible + 'static,
    T: 'static,
{
    let dispatch = dispatch.clone();
    Callback::from(move |value| dispatch.dispatch(to(value)))
}
