//! Where the browser has no WebAssembly stack switching (JSPI), Pyodide cannot run
//! `asyncio.run(...)` (it must block until the coroutine ends, which the page's event loop
//! cannot do). The runner then awaits the coroutine directly — `asyncio.run(main())` becomes
//! `await (main())` at the module's top level, which Pyodide allows — and the page says which
//! lines it changed. Calls inside a function body are left alone (an `await` there would not
//! compile); they fail as they would, with Pyodide's own error.

/// The code to run and the 1-based lines that were changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapted {
    pub code: String,
    pub lines: Vec<usize>,
}

const CALL: &str = "asyncio.run(";

/// `code` with every top-level `asyncio.run(` (outside comments and function or class bodies)
/// replaced by `await (`.
pub fn await_directly(code: &str) -> Adapted {
    let mut lines = Vec::new();
    let mut out = String::with_capacity(code.len());
    // The indentation of the `def` / `class` whose body we are in, if any.
    let mut body_of: Option<usize> = None;
    for (i, line) in code.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let text = line.trim_start();
        if !text.is_empty() && !text.starts_with('#') {
            if body_of.is_some_and(|at| indent <= at) {
                body_of = None;
            }
            if body_of.is_none()
                && (text.starts_with("def ")
                    || text.starts_with("async def ")
                    || text.starts_with("class "))
            {
                body_of = Some(indent);
            }
        }
        let code_part = line.split('#').next().unwrap_or("");
        if body_of.is_none() && code_part.contains(CALL) {
            let at = line.find(CALL).unwrap_or(0);
            // Not `my_asyncio.run(`: the call must start a name.
            let starts_name = line[..at]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'));
            if starts_name {
                out.push_str(&line[..at]);
                out.push_str("await (");
                out.push_str(&line[at + CALL.len()..]);
                out.push('\n');
                lines.push(i + 1);
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    Adapted { code: out, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_calls_become_awaits() {
        let code = "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    asyncio.run(x)\n\nasyncio.run(main())\nif __name__ == \"__main__\":\n    turns = asyncio.run(interleaved())\n";
        let a = await_directly(code);
        assert_eq!(a.lines, vec![7, 9]);
        assert!(a.code.contains("\nawait (main())\n"));
        assert!(a.code.contains("    turns = await (interleaved())\n"));
        // Inside a function body: untouched.
        assert!(a.code.contains("    asyncio.run(x)\n"));
    }

    #[test]
    fn comments_and_other_names_are_left_alone() {
        let code = "# asyncio.run(main()) would block\nmy_asyncio.run(1)\nx = 1  # asyncio.run(\n";
        let a = await_directly(code);
        assert!(a.lines.is_empty());
        assert_eq!(a.code, code);
    }

    #[test]
    fn the_lessons_asyncio_snippets_are_adapted_where_they_call_run() {
        let by_id = |id: &str| {
            crate::lessons::all()
                .into_iter()
                .find(|l| l.id() == id)
                .unwrap()
                .source
                .snippet
        };
        for id in ["03-sync-vs-async", "13-asyncio", "14-timeouts-and-cancel"] {
            let a = await_directly(by_id(id));
            assert_eq!(a.lines.len(), 1, "{id}");
            assert!(!a.code.contains("asyncio.run("), "{id}");
        }
    }
}
