//! Real Python in the page: the lessons' snippets run in Pyodide (CPython compiled to
//! WebAssembly) in a Web Worker, or — where browser Python cannot start threads or processes —
//! shown with the output CPython printed on a real machine.
//!
//! Pure parts only (the worker and the DOM are `web::python` and `web::components::py_runner`):
//! - [`catalog`]: which snippets run live, which are recorded, which are both;
//! - [`code`]: the bounds and clean-up of code a learner edits or a link carries;
//! - [`edits`]: the per-lesson edits kept in the browser, as stored text;
//! - [`indent`]: Tab and Shift+Tab in the code editor;
//! - [`adapt`]: `asyncio.run(x)` as `await x` where the browser has no stack switching;
//! - [`output`]: output lines with their time since the start, as the page shows them;
//! - [`recorded`]: the committed CPython recordings (`content/NN-slug/recorded.txt`);
//! - [`session`]: one Python runner's state: load, run, output, stop, end;
//! - [`shape`]: what each snippet's output must look like (the snippet honesty check);
//! - [`view`]: the runner's status, buttons and notes, in words, from its session.

pub mod adapt;
pub mod catalog;
pub mod code;
pub mod edits;
pub mod indent;
pub mod output;
pub mod recorded;
pub mod session;
pub mod shape;
pub mod view;
