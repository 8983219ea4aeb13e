//! Keeps docs/ARCHITECTURE.md true: every path in its "Where is X" table must exist.

use std::path::Path;

#[test]
fn every_path_in_the_architecture_table_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc = std::fs::read_to_string(root.join("docs/ARCHITECTURE.md")).unwrap_or_default();
    let mut checked = 0;
    let mut missing = Vec::new();
    for line in doc.lines().filter(|l| l.starts_with('|')) {
        for (i, part) in line.split('`').enumerate() {
            let looks_like_path = i % 2 == 1
                && (part.starts_with("crates/")
                    || part.starts_with("tests/")
                    || part.starts_with("bench/")
                    || part.starts_with("tools/"));
            if looks_like_path {
                checked += 1;
                if !root.join(part.trim_end_matches('/')).exists() {
                    missing.push(part.to_owned());
                }
            }
        }
    }
    assert!(checked > 20, "the table lost its paths ({checked})");
    assert!(
        missing.is_empty(),
        "paths in docs/ARCHITECTURE.md that do not exist: {missing:?}"
    );
}
