//! The module layout is the architecture; this test keeps it true.
//!
//! It reads every `src/**/*.rs` file as text, strips comments and string and
//! char literals, and finds every reference one file makes to another module
//! of the crate: `use` trees (`crate::`, `super::`, `self::`, a child module,
//! a name a `use` brought in), and paths inside code. Each reference resolves
//! to the longest module path that is a file, giving an edge file → file.
//! On those edges it checks the "never" rules below and that there is no
//! import circle; it also checks that no file is too long.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path: `["tui", "state", "list"]`; the crate root is `[]`.
type ModPath = Vec<String>;

/// from file → to file → the references (line, path as written) making that edge.
type Graph = BTreeMap<String, BTreeMap<String, Vec<(usize, String)>>>;

/// No file under `src/` may be longer than this.
const MAX_LINES: usize = 800;

/// Stands for any module of the crate in [`NEVER`].
const ANYTHING: &str = "crate";

/// The parts, and what each must never use. A file in the part on the left
/// (the module or any module under it) may not reference any module in the
/// parts on the right.
const NEVER: &[(&str, &[&str])] = &[
    // model: plain shared types, using nothing else of the crate.
    ("model", &[ANYTHING]),
    // text: pure text functions.
    ("text", &["store", "jobs", "tui", "cli", "ingest"]),
    // ingest: bytes to model types, no I/O.
    ("ingest", &["store", "jobs", "tui", "cli"]),
    // store: the only SQL, below every job and face.
    ("store", &["tui", "ingest", "jobs", "cli"]),
    // jobs: the long work both faces start.
    ("jobs", &["tui", "cli"]),
    // The reader's state and drawing: no SQL, and not the run loop.
    ("tui::state", &["store", "tui::app"]),
    ("tui::ui", &["store", "tui::app"]),
];

// ---------------------------------------------------------------------------
// The checks.

#[test]
fn the_parts_use_only_what_they_may() {
    let krate = Crate::load();
    let refs = krate.refs();
    assert!(
        refs.len() > 100,
        "the scanner found almost nothing: broken?"
    );
    let mut bad = Vec::new();
    for (file, r) in refs {
        let target = &krate.files[&r.target_file].module;
        for (from, to) in rules_broken(&file.module, target) {
            bad.push(format!(
                "{}:{}: {}  ({from} must not use {to})",
                file.rel, r.line, r.path
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} reference(s) break the layout rules:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn no_import_circles() {
    let krate = Crate::load();
    let edges = krate.graph();
    let cycles = find_cycles(&edges, 500);
    let mut report = Vec::new();
    for cycle in &cycles {
        let mut line = cycle.join(" → ");
        line.push_str(" → ");
        line.push_str(&cycle[0]);
        for (i, from) in cycle.iter().enumerate() {
            let to = &cycle[(i + 1) % cycle.len()];
            let (at, path) = &edges[from][to][0];
            line.push_str(&format!("\n    {from}:{at}: {path}"));
        }
        report.push(line);
    }
    assert!(
        cycles.is_empty(),
        "{} import circle(s) between files (first reference of each step shown):\n{}",
        cycles.len(),
        report.join("\n")
    );
}

#[test]
fn no_file_is_too_long() {
    let krate = Crate::load();
    let long: Vec<String> = krate
        .files
        .values()
        .map(|f| (f, f.text.lines().count()))
        .filter(|&(_, n)| n > MAX_LINES)
        .map(|(f, n)| format!("{}: {n} lines (at most {MAX_LINES})", f.rel))
        .collect();
    assert!(
        long.is_empty(),
        "{} file(s) too long:\n{}",
        long.len(),
        long.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The crate as files and edges.

struct SrcFile {
    /// `src/tui/state/list.rs`
    rel: String,
    /// `tui::state::list`; `[]` for lib.rs and main.rs.
    module: ModPath,
    /// main.rs is the binary: its `crate::` is itself, the library is `docbao::`.
    is_main: bool,
    text: String,
}

struct Crate {
    /// By `rel`.
    files: BTreeMap<String, SrcFile>,
    /// The library's modules that are files, and which file.
    modules: BTreeMap<ModPath, String>,
}

impl Crate {
    fn load() -> Crate {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = BTreeMap::new();
        let mut modules = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("walk src/");
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let inner = path.strip_prefix(&src).expect("under src/");
            let parts: Vec<String> = inner
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let rel = format!("src/{}", parts.join("/"));
            let module = module_of(&parts);
            let is_main = parts == ["main.rs"];
            let text = std::fs::read_to_string(path).expect("read a source file");
            if !is_main {
                let old = modules.insert(module.clone(), rel.clone());
                assert!(old.is_none(), "two files for module {module:?}");
            }
            files.insert(
                rel.clone(),
                SrcFile {
                    rel,
                    module,
                    is_main,
                    text,
                },
            );
        }
        assert!(modules.contains_key(&Vec::new()), "no src/lib.rs");
        Crate { files, modules }
    }

    /// Every reference from a file to another file.
    fn refs(&self) -> Vec<(&SrcFile, Ref)> {
        let set: BTreeSet<ModPath> = self.modules.keys().cloned().collect();
        let mut out = Vec::new();
        for file in self.files.values() {
            for r in scan(&file.text, &file.module, file.is_main, &set) {
                let target_file = &self.modules[&r.target];
                if *target_file != file.rel {
                    out.push((
                        file,
                        Ref {
                            target_file: target_file.clone(),
                            ..r
                        },
                    ));
                }
            }
        }
        out
    }

    /// from file → to file → the references making that edge. An edge from a
    /// module to one of its own descendants (a parent declaring or
    /// re-exporting its children) is left out.
    fn graph(&self) -> Graph {
        let mut edges: Graph = BTreeMap::new();
        for (file, r) in self.refs() {
            let target = &self.files[&r.target_file].module;
            let to_descendant = !file.is_main && target.starts_with(&file.module);
            if to_descendant {
                continue;
            }
            edges
                .entry(file.rel.clone())
                .or_default()
                .entry(r.target_file.clone())
                .or_default()
                .push((r.line, r.path));
        }
        edges
    }
}

/// `["tui", "state", "list.rs"]` → `tui::state::list`; `mod.rs` is its folder;
/// lib.rs and main.rs are the root.
fn module_of(parts: &[String]) -> ModPath {
    let mut m: ModPath = parts.to_vec();
    if let Some(last) = m.pop() {
        let stem = last.strip_suffix(".rs").unwrap_or(&last).to_string();
        let root = m.is_empty() && (stem == "lib" || stem == "main");
        if stem != "mod" && !root {
            m.push(stem);
        }
    }
    m
}

fn has_prefix(module: &[String], part: &str) -> bool {
    part == ANYTHING || {
        let p: Vec<&str> = part.split("::").collect();
        module.len() >= p.len() && module.iter().zip(&p).all(|(a, b)| a == b)
    }
}

/// The rules an edge `from → to` breaks, as (from part, to part).
fn rules_broken(from: &[String], to: &[String]) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for &(part, never) in NEVER {
        if has_prefix(from, part) {
            for &n in never {
                if has_prefix(to, n) {
                    out.push((part, n));
                }
            }
        }
    }
    out
}

/// Every elementary cycle (each listed once, from its smallest file), at most `cap`.
fn find_cycles(edges: &Graph, cap: usize) -> Vec<Vec<String>> {
    fn walk<'a>(
        edges: &'a Graph,
        start: &'a str,
        path: &mut Vec<&'a str>,
        out: &mut Vec<Vec<String>>,
        cap: usize,
    ) {
        let here = *path.last().expect("a path");
        for next in edges.get(here).into_iter().flat_map(|m| m.keys()) {
            if out.len() >= cap {
                return;
            }
            if next == start {
                out.push(path.iter().map(|s| s.to_string()).collect());
            } else if next.as_str() > start && !path.contains(&next.as_str()) {
                path.push(next);
                walk(edges, start, path, out, cap);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    for start in edges.keys() {
        walk(edges, start, &mut vec![start.as_str()], &mut out, cap);
    }
    out
}

// ---------------------------------------------------------------------------
// The scanner.

/// One reference to a module of the crate.
#[derive(Debug, Clone, PartialEq)]
struct Ref {
    line: usize,
    /// As written, e.g. `crate::tui::app::run` or `super::*`.
    path: String,
    /// The longest prefix of the resolved path that is a module file.
    target: ModPath,
    /// Filled in by [`Crate::refs`].
    target_file: String,
}

/// Blank out comments (line, doc, nested block) and string, raw string, byte
/// and char literals, keeping every newline so that lines still count.
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let n = c.len();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, from: usize, to: usize| {
        for &ch in &c[from..to.min(n)] {
            out.push(if ch == '\n' { '\n' } else { ' ' });
        }
    };
    let mut i = 0;
    while i < n {
        let prev_ident = i > 0 && ident(c[i - 1]);
        // Line comment.
        if at(i) == '/' && at(i + 1) == '/' {
            let mut j = i;
            while j < n && c[j] != '\n' {
                j += 1;
            }
            blank(&mut out, i, j);
            i = j;
            continue;
        }
        // Block comment, nested.
        if at(i) == '/' && at(i + 1) == '*' {
            let (mut j, mut depth) = (i + 2, 1);
            while j < n && depth > 0 {
                if at(j) == '/' && at(j + 1) == '*' {
                    depth += 1;
                    j += 2;
                } else if at(j) == '*' && at(j + 1) == '/' {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
            continue;
        }
        if !prev_ident {
            // Raw string: r"…", r#"…"#, br"…", cr#"…"#.
            let r = if at(i) == 'r' {
                Some(i + 1)
            } else if (at(i) == 'b' || at(i) == 'c') && at(i + 1) == 'r' {
                Some(i + 2)
            } else {
                None
            };
            if let Some(mut j) = r {
                let mut hashes = 0;
                while at(j) == '#' {
                    hashes += 1;
                    j += 1;
                }
                if at(j) == '"' {
                    j += 1;
                    loop {
                        if j >= n {
                            break;
                        }
                        if c[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                            j += 1 + hashes;
                            break;
                        }
                        j += 1;
                    }
                    blank(&mut out, i, j);
                    i = j;
                    continue;
                }
            }
            // A prefixed literal: b"…", c"…", b'…'.
            if (at(i) == 'b' || at(i) == 'c') && (at(i + 1) == '"' || at(i + 1) == '\'') {
                out.push(' ');
                i += 1;
                continue;
            }
        }
        // String.
        if at(i) == '"' {
            let mut j = i + 1;
            while j < n && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
            continue;
        }
        // Char literal (a lifetime such as 'a stays).
        if at(i) == '\'' {
            let end = if at(i + 1) == '\\' {
                let mut j = i + 3;
                while j < n && c[j] != '\'' && c[j] != '\n' {
                    j += 1;
                }
                Some(j)
            } else if at(i + 2) == '\'' {
                Some(i + 2)
            } else {
                None
            };
            if let Some(j) = end {
                blank(&mut out, i, j + 1);
                i = j + 1;
                continue;
            }
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
    /// A number.
    Other,
}

struct Token {
    tok: Tok,
    line: usize,
}

fn tokens(clean: &str) -> Vec<Token> {
    let c: Vec<char> = clean.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let tok = if ch.is_ascii_digit() {
                Tok::Other
            } else {
                Tok::Ident(word)
            };
            out.push(Token { tok, line });
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token {
                tok: Tok::Path,
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                tok: Tok::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    out
}

/// One leaf of a `use` tree.
#[derive(Debug)]
struct Leaf {
    segs: Vec<String>,
    /// `Some(binding)` for a name (its last segment or its `as` name), `None` for `*`.
    binding: Option<String>,
    line: usize,
}

/// Parse the `use` tree starting at `toks[*pos]` into leaves.
fn parse_use_tree(toks: &[Token], pos: &mut usize, prefix: Vec<String>, out: &mut Vec<Leaf>) {
    let tok = |p: usize| toks.get(p).map(|t| &t.tok);
    let mut segs = prefix;
    if tok(*pos) == Some(&Tok::Path) {
        // `::name`: an external crate.
        segs.push("::".into());
        *pos += 1;
    }
    let mut line;
    loop {
        match tok(*pos) {
            Some(Tok::Ident(s)) => {
                segs.push(s.clone());
                line = toks[*pos].line;
                *pos += 1;
                if tok(*pos) == Some(&Tok::Path) {
                    *pos += 1;
                } else {
                    break;
                }
            }
            Some(Tok::Punct('*')) => {
                out.push(Leaf {
                    segs,
                    binding: None,
                    line: toks[*pos].line,
                });
                *pos += 1;
                return;
            }
            Some(Tok::Punct('{')) => {
                *pos += 1;
                while let Some(t) = tok(*pos) {
                    match t {
                        Tok::Punct('}') => {
                            *pos += 1;
                            return;
                        }
                        Tok::Punct(',') => *pos += 1,
                        Tok::Punct(';') => return,
                        _ => {
                            let before = *pos;
                            parse_use_tree(toks, pos, segs.clone(), out);
                            if *pos == before {
                                *pos += 1;
                            }
                        }
                    }
                }
                return;
            }
            _ => return,
        }
    }
    if segs.last().is_some_and(|s| s == "self") {
        segs.pop();
    }
    let mut binding = segs.last().cloned().unwrap_or_default();
    if tok(*pos) == Some(&Tok::Ident("as".into())) {
        if let Some(Tok::Ident(a)) = tok(*pos + 1) {
            binding = a.clone();
            line = toks[*pos + 1].line;
        }
        *pos += 2;
    }
    out.push(Leaf {
        segs,
        binding: Some(binding),
        line,
    });
}

/// What a file's module sees by name.
#[derive(Default)]
struct Scope {
    /// `use … as name;` / `use a::name;` where the path is a module file.
    named: BTreeMap<String, ModPath>,
    /// `mod name;` / `mod name { … }`.
    children: BTreeSet<String>,
    /// Modules brought in by `use a::*;`: the children of `a`.
    glob: BTreeMap<String, ModPath>,
}

/// Every reference in one file's source to a module of the crate. `module` is
/// the file's module, `modules` every module that is a file (with `[]`).
fn scan(src: &str, module: &[String], is_main: bool, modules: &BTreeSet<ModPath>) -> Vec<Ref> {
    let toks = tokens(&strip(src));
    let tok = |p: usize| toks.get(p).map(|t| &t.tok);
    let ident = |p: usize| match tok(p) {
        Some(Tok::Ident(s)) => Some(s.as_str()),
        _ => None,
    };

    // Pass 1: which module each token is in (inline `mod x { … }` included),
    // the `use` declarations, the `mod` declarations and the code paths.
    let mut scopes: BTreeMap<ModPath, Scope> = BTreeMap::new();
    let mut uses: Vec<(ModPath, Leaf)> = Vec::new();
    let mut paths: Vec<(ModPath, Vec<String>, usize)> = Vec::new();
    let mut stack: Vec<(ModPath, usize)> = vec![(module.to_vec(), 0)];
    let mut depth = 0usize;
    let mut opening: Option<String> = None;
    let mut i = 0;
    while i < toks.len() {
        let here = stack.last().expect("the file's module").0.clone();
        match &toks[i].tok {
            Tok::Punct('{') => {
                depth += 1;
                if let Some(name) = opening.take() {
                    let mut m = here.clone();
                    m.push(name);
                    stack.push((m, depth));
                }
            }
            Tok::Punct('}') => {
                if stack.len() > 1 && stack.last().is_some_and(|s| s.1 == depth) {
                    stack.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Tok::Ident(w) if w == "mod" => {
                if let Some(name) = ident(i + 1) {
                    scopes
                        .entry(here.clone())
                        .or_default()
                        .children
                        .insert(name.to_string());
                    if tok(i + 2) == Some(&Tok::Punct('{')) {
                        opening = Some(name.to_string());
                    }
                    i += 2;
                    continue;
                }
            }
            Tok::Ident(w) if w == "use" && tok(i.wrapping_sub(1)) != Some(&Tok::Path) => {
                let mut pos = i + 1;
                let mut leaves = Vec::new();
                parse_use_tree(&toks, &mut pos, Vec::new(), &mut leaves);
                uses.extend(leaves.into_iter().map(|l| (here.clone(), l)));
                i = pos.max(i + 1);
                continue;
            }
            Tok::Ident(first) => {
                let after_path_or_dot =
                    i > 0 && matches!(toks[i - 1].tok, Tok::Path | Tok::Punct('.'));
                // `pub(in crate::x)` is a visibility, not a use.
                let visibility =
                    i > 1 && ident(i - 1) == Some("in") && tok(i - 2) == Some(&Tok::Punct('('));
                if !after_path_or_dot && !visibility && tok(i + 1) == Some(&Tok::Path) {
                    let mut segs = vec![first.clone()];
                    let mut j = i + 1;
                    while tok(j) == Some(&Tok::Path) {
                        match ident(j + 1) {
                            Some(s) => segs.push(s.to_string()),
                            None => break,
                        }
                        j += 2;
                    }
                    if segs.len() > 1 {
                        paths.push((here, segs, toks[i].line));
                        i = j;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }

    // Pass 2: the names `use` brings in (twice, for a `use` of a name a later
    // `use` brings in).
    for _ in 0..2 {
        for (here, leaf) in &uses {
            let Some(full) = resolve(&leaf.segs, here, is_main, &scopes) else {
                continue;
            };
            if !modules.contains(&full) {
                continue;
            }
            let scope = scopes.entry(here.clone()).or_default();
            match &leaf.binding {
                Some(b) if b != "_" => {
                    scope.named.insert(b.clone(), full);
                }
                Some(_) => {}
                None => {
                    for m in modules {
                        if m.len() == full.len() + 1 && m.starts_with(&full) {
                            let name = m.last().expect("a child").clone();
                            scope.glob.entry(name).or_insert_with(|| m.clone());
                        }
                    }
                }
            }
        }
    }

    // Pass 3: resolve.
    let longest = |full: &[String]| {
        (0..=full.len())
            .rev()
            .map(|k| full[..k].to_vec())
            .find(|p| modules.contains(p))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (here, leaf) in &uses {
        if let Some(full) = resolve(&leaf.segs, here, is_main, &scopes) {
            let mut path = leaf.segs.join("::");
            if leaf.binding.is_none() {
                path.push_str(if path.is_empty() { "*" } else { "::*" });
            }
            out.push(Ref {
                line: leaf.line,
                path,
                target: longest(&full),
                target_file: String::new(),
            });
        }
    }
    for (here, segs, line) in &paths {
        if let Some(full) = resolve(segs, here, is_main, &scopes) {
            out.push(Ref {
                line: *line,
                path: segs.join("::"),
                target: longest(&full),
                target_file: String::new(),
            });
        }
    }
    out.sort_by(|a, b| (a.line, &a.path).cmp(&(b.line, &b.path)));
    out
}

/// The full module path `segs` names from module `here`, or `None` when it is
/// not a path into the crate (std, an external crate, a local type…).
fn resolve(
    segs: &[String],
    here: &[String],
    is_main: bool,
    scopes: &BTreeMap<ModPath, Scope>,
) -> Option<ModPath> {
    let first = segs.first()?.as_str();
    let join = |base: &[String], rest: &[String]| -> ModPath {
        base.iter().chain(rest).cloned().collect()
    };
    match first {
        // In main.rs these name the binary itself.
        "crate" | "self" | "super" if is_main => None,
        "docbao" if is_main => Some(join(&[], &segs[1..])),
        "crate" => Some(join(&[], &segs[1..])),
        "self" => Some(join(here, &segs[1..])),
        "super" => {
            let ups = segs.iter().take_while(|s| *s == "super").count();
            let base = here.get(..here.len().checked_sub(ups)?)?;
            Some(join(base, &segs[ups..]))
        }
        name => {
            let scope = scopes.get(here)?;
            if let Some(m) = scope.named.get(name) {
                Some(join(m, &segs[1..]))
            } else if scope.children.contains(name) {
                Some(join(here, segs))
            } else {
                scope.glob.get(name).map(|m| join(m, &segs[1..]))
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The scanner's own tests.

fn mp(s: &str) -> ModPath {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split("::").map(String::from).collect()
    }
}

fn sample_modules() -> BTreeSet<ModPath> {
    [
        "",
        "model",
        "store",
        "jobs",
        "jobs::http",
        "text",
        "text::fold",
        "tui",
        "tui::app",
        "tui::state",
        "tui::state::list",
        "tui::ui",
    ]
    .into_iter()
    .map(mp)
    .collect()
}

/// (line, target) of every reference.
fn targets(src: &str, module: &str) -> Vec<(usize, String)> {
    scan(src, &mp(module), false, &sample_modules())
        .into_iter()
        .map(|r| (r.line, r.target.join("::")))
        .collect()
}

#[test]
fn scan_grouped_use_with_nested_braces() {
    let src = "use crate::{model::Article, tui::{state::{self, list::ListState}, app}};\n\
               use std::{fmt, io::{self, Write}};\n";
    let t = targets(src, "tui::ui");
    assert_eq!(
        t,
        [
            (1, "model".to_string()),
            (1, "tui::app".to_string()),
            (1, "tui::state".to_string()),
            (1, "tui::state::list".to_string()),
        ]
    );
}

#[test]
fn scan_super_super_self_and_inline_modules() {
    let src = "use super::super::app::run;\n\
               use super::super::Thing;\n\
               use self::inner::X;\n\
               fn f() { super::Store::open(); }\n\
               mod tests {\n    use super::*;\n    fn g() { super::super::app::x(); }\n}\n";
    let t = targets(src, "tui::state::list");
    assert_eq!(
        t,
        [
            (1, "tui::app".to_string()),
            (2, "tui".to_string()),
            (3, "tui::state::list".to_string()),
            (4, "tui::state".to_string()),
            // In `mod tests`, `super` is the file's own module.
            (6, "tui::state::list".to_string()),
            (7, "tui::state".to_string()),
        ]
    );
    // Above the root is no module.
    assert!(targets("use super::super::x;", "model").is_empty());
}

#[test]
fn scan_paths_inside_code() {
    let src = "fn f(db: &Db) -> usize {\n    let n = crate::store::count(db) + 1;\n    \
               g(crate::text::fold::fold(\"x\"), crate::jobs::http::Client::new())\n}\n";
    let t = targets(src, "cli");
    assert_eq!(
        t,
        [
            (2, "store".to_string()),
            (3, "jobs::http".to_string()),
            (3, "text::fold".to_string()),
        ]
    );
}

#[test]
fn scan_ignores_comments_strings_and_chars() {
    let src = "//! See crate::store for the SQL.\n\
               /// Uses crate::jobs::http.\n\
               // crate::tui::app\n\
               /* crate::store /* nested */ crate::jobs */\n\
               const S: &str = \"crate::store::x \\\" crate::jobs\";\n\
               const C: char = '\"';\n\
               const Q: char = '\\'';\n\
               fn f<'a>(s: &'a str) -> &'a str { crate::text::fold::fold(s) }\n\
               const B: &[u8] = b\"crate::store\";\n";
    assert_eq!(targets(src, "cli"), [(8, "text::fold".to_string())]);
}

#[test]
fn scan_ignores_raw_strings() {
    let src = "const R: &str = r#\"crate::store \"quoted\" crate::jobs\"#;\n\
               const P: &str = r\"crate::tui\";\n\
               const H: &str = r##\"a \"# crate::tui \"##;\n\
               fn f() { crate::model::Article::default(); }\n";
    assert_eq!(targets(src, "cli"), [(4, "model".to_string())]);
}

#[test]
fn scan_follows_names_brought_in_by_use() {
    let src = "use crate::tui;\nuse crate::text::fold as f;\nmod child;\n\
               pub(in crate::tui) fn g() { tui::app::run(); f::fold(); x.fold::<u8>(); }\n";
    let t = targets(src, "jobs");
    assert_eq!(
        t,
        [
            (1, "tui".to_string()),
            (2, "text::fold".to_string()),
            (4, "text::fold".to_string()),
            (4, "tui::app".to_string()),
        ]
    );
    // A glob of a module brings its child modules in.
    let t = targets(
        "use super::*;\nfn f() { list::ListState::new(); }\n",
        "tui::state::nav",
    );
    assert_eq!(
        t,
        [
            (1, "tui::state".to_string()),
            (2, "tui::state::list".to_string())
        ]
    );
}

#[test]
fn scan_main_uses_the_library_as_docbao() {
    let src = "use docbao::tui::app;\nuse crate::helpers::x;\nfn main() { app::run(); docbao::store::Store::open(); }\n";
    let t: Vec<(usize, String)> = scan(src, &[], true, &sample_modules())
        .into_iter()
        .map(|r| (r.line, r.target.join("::")))
        .collect();
    assert_eq!(
        t,
        [
            (1, "tui::app".to_string()),
            (3, "tui::app".to_string()),
            (3, "store".to_string()),
        ]
    );
}

#[test]
fn rules_and_cycles_catch_what_they_should() {
    assert_eq!(
        rules_broken(&mp("tui::ui::list"), &mp("tui::app")),
        [("tui::ui", "tui::app")]
    );
    assert_eq!(rules_broken(&mp("model"), &mp("")), [("model", ANYTHING)]);
    assert!(rules_broken(&mp("tui::update"), &mp("tui::app")).is_empty());
    assert!(rules_broken(&mp("textual"), &mp("store")).is_empty());
    let mut edges: Graph = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("b", "a"), ("c", "d")] {
        edges
            .entry(a.into())
            .or_default()
            .insert(b.into(), vec![(1, String::new())]);
    }
    let cycles = find_cycles(&edges, 100);
    assert_eq!(cycles, [vec!["a", "b"], vec!["a", "b", "c"]]);
}
