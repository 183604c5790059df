//! End to end, pasting: the real binary in a pseudo-terminal turns on the
//! terminal's bracketed paste, and text pasted is text, never keys. Pasted
//! "Hà Nội⏎mưa lớn" into the search box ran Enter, then each letter as a
//! command (`m` marked an article read, `a` opened the save prompt).

mod common;
mod pty;

use common::{Env, fixture};
use pty::{ESC, start, status};

const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

fn unread(env: &Env) -> usize {
    let list = env.json(&["list", "--json"]);
    list.as_array()
        .expect("a list")
        .iter()
        .filter(|a| a["read"] == false)
        .count()
}

#[test]
fn pasted_lines_go_into_the_prompt_and_nowhere_else() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    assert_eq!(unread(&env), 3);

    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (3)");
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(raw.contains("\x1b[?2004h"), "bracketed paste turned on");

    // In the list: no key runs, the status line says where a paste goes.
    t.send(&format!("{PASTE_START}mma\r{PASTE_END}"));
    t.wait_until("the note on pasting", |s| {
        status(s).contains("Pasted text goes in a prompt")
    });
    // In the search prompt: one line, the line break a space.
    t.send("/");
    t.wait_for("Search");
    t.send(&format!("{PASTE_START}Vinamilk\r\nmua a{PASTE_END}"));
    t.wait_until("the pasted query", |s| {
        s.contents().contains("Vinamilk mua a")
    });
    t.send(ESC);
    t.send("q");
    let st = t.wait_exit();
    assert!(st.success(), "{}", t.dump());
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(
        raw.contains("\x1b[?2004l"),
        "bracketed paste turned off at the end"
    );
    assert_eq!(unread(&env), 3, "nothing was marked read");
}
