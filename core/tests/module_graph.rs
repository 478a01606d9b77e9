//! The core's module dependencies, as `ARCHITECTURE.md` lists them: each top-level module may use
//! only the modules its row names, and no two modules use each other, directly or round a
//! circle. Read from the source (`crate::…` paths outside comments and test code), so a new
//! import that breaks the table fails here with the file that made it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The table of `ARCHITECTURE.md`: module, then what it may depend on.
const ALLOWED: &[(&str, &[&str])] = &[
    ("units", &[]),
    ("sorting", &[]),
    ("json", &[]),
    ("lock", &["json"]),
    ("tracking", &["units", "sorting"]),
    ("entry", &["tracking", "units"]),
    ("checks", &[]),
    (
        "journal",
        &["entry", "tracking", "checks", "requirements", "units"],
    ),
    (
        "selectors",
        &[
            "journal",
            "entry",
            "tracking",
            "checks",
            "requirements",
            "units",
            "sorting",
        ],
    ),
    (
        "risk",
        &[
            "selectors",
            "journal",
            "entry",
            "checks",
            "tracking",
            "units",
            "sorting",
        ],
    ),
    ("charts", &["selectors", "risk", "entry", "units"]),
    ("requirements", &["entry", "units"]),
    ("demo", &["journal", "entry", "tracking", "checks"]),
    ("import", &["journal", "entry", "tracking", "units"]),
    ("document", &["journal"]),
    ("settings", &["tracking", "json"]),
    (
        "storage",
        &[
            "document",
            "journal",
            "entry",
            "tracking",
            "checks",
            "requirements",
            "units",
            "settings",
            "lock",
            "json",
            "sync",
        ],
    ),
    (
        "exchange",
        &[
            "journal",
            "document",
            "storage",
            "selectors",
            "lock",
            "checks",
            "requirements",
            "tracking",
            "json",
            "sorting",
        ],
    ),
    (
        "sync",
        &[
            "journal",
            "entry",
            "tracking",
            "checks",
            "requirements",
            "lock",
            "json",
        ],
    ),
    (
        "bench",
        &[
            "journal", "document", "storage", "settings", "entry", "tracking", "checks", "demo",
            "units", "sync",
        ],
    ),
];

/// What the crate root re-exports under its own name, by the module it comes from.
fn home(name: &str) -> &str {
    match name {
        "month" | "duration" | "money" | "Month" => "units",
        "undo" | "Action" | "ActionError" | "Journal" | "Breaks" | "Entries" | "Shared" => {
            "journal"
        }
        "Document" | "DecodeError" | "SCHEMA_VERSION" => "document",
        "DaySplit" | "EntryId" | "WorkEntry" | "WorkKind" => "entry",
        "week_start" | "DayTotals" | "WeekSummary" => "selectors",
        "Index" => "storage",
        other => other,
    }
}

/// The source a module's code is built from: comments and `#[cfg(test)]` parts left out.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every top-level module's uses of other top-level modules, with a file that makes each.
fn graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        let name = file.file_name().unwrap().to_string_lossy();
        if module == "lib" || name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        let uses = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let target = home(&word).to_string();
            if target != module && !word.is_empty() {
                uses.entry(target)
                    .or_insert_with(|| relative.display().to_string());
            }
        }
    }
    graph
}

#[test]
fn every_module_uses_only_what_its_row_allows() {
    let allowed: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, deps)| (*m, deps.iter().copied().collect()))
        .collect();
    let mut wrong = Vec::new();
    for (module, uses) in graph() {
        let Some(may) = allowed.get(module.as_str()) else {
            wrong.push(format!("{module} has no row in the table"));
            continue;
        };
        for (target, file) in uses {
            if !may.contains(target.as_str()) {
                wrong.push(format!("{module} uses {target} (in {file})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_has_no_circle() {
    // Depth-first search for a back edge in the allowed graph (which the code is held to).
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    fn visit<'a>(
        at: &'a str,
        allowed: &BTreeMap<&'a str, &'a [&'a str]>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(start) = path.iter().position(|m| *m == at) {
            let mut circle = path[start..].to_vec();
            circle.push(at);
            return Some(circle);
        }
        if !done.insert(at) {
            return None;
        }
        path.push(at);
        for next in allowed.get(at).copied().unwrap_or(&[]) {
            if let Some(circle) = visit(next, allowed, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in allowed.keys() {
        let circle = visit(module, &allowed, &mut Vec::new(), &mut done);
        assert!(circle.is_none(), "circle: {:?}", circle);
    }
}

/// The check can fail: a use outside the table is found and named.
#[test]
fn a_use_outside_the_table_would_be_found() {
    let code = code_of(
        "// crate::risk in a comment\nuse crate::risk::x;\n#[cfg(test)]\nuse crate::bench;",
    );
    assert!(code.contains("crate::risk::x"));
    assert!(!code.contains("bench") && !code.contains("comment"));
    assert_eq!(home("Month"), "units");
}
