//! The store's place among the parts (see src/lib.rs): it uses no part
//! above it, and its files use one another one way only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The code of a file without its comment lines (doc links are not uses).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn store_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store"))
}

#[test]
fn the_store_uses_no_part_above_it() {
    for entry in walkdir::WalkDir::new(store_dir()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = code(entry.path());
        for part in ["ingest", "jobs", "tui", "cli"] {
            assert!(
                !code.contains(&format!("crate::{part}")),
                "{} uses crate::{part}",
                entry.path().display()
            );
        }
    }
}

/// The name a path starts with.
fn ident(s: &str) -> Option<&str> {
    s.trim_start()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
}

/// The first names after every `super::`: `super::a::b` and
/// `super::{a::b, c}` name `a` (and `c`).
fn super_names(code: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("super::") {
        let rest = &code[at + "super::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(group.split(',').filter_map(ident));
            }
            None => names.extend(ident(rest)),
        }
    }
    names
}

#[test]
fn no_two_store_files_use_each_other() {
    // The files beside mod.rs and the sibling modules each one names.
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(store_dir()).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs") && !["mod", "tests"].contains(&name) {
            files.insert(name.to_string(), code(&path));
        }
    }
    assert!(files.len() > 5, "{:?}", files.keys());
    let uses: BTreeMap<&str, BTreeSet<&str>> = files
        .iter()
        .map(|(name, code)| {
            let named = super_names(code);
            let used = files
                .keys()
                .filter(|other| *other != name)
                .filter(|other| named.contains(other.as_str()))
                .map(String::as_str)
                .collect();
            (name.as_str(), used)
        })
        .collect();
    // Every path along the uses, looking for one that comes back.
    fn walk<'a>(
        uses: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        let last = *path.last()?;
        for &next in &uses[last] {
            if path.contains(&next) {
                path.push(next);
                return Some(path.clone());
            }
            path.push(next);
            if let Some(circle) = walk(uses, path) {
                return Some(circle);
            }
            path.pop();
        }
        None
    }
    for &start in uses.keys() {
        if let Some(circle) = walk(&uses, &mut vec![start]) {
            panic!("a circle of uses: {}", circle.join(" -> "));
        }
    }
    assert!(uses["import"].contains("search"), "{uses:?}");
}
