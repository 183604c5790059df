//! End to end: the real `docbao` binary in a pseudo-terminal, its screen
//! parsed by `vt100`. Every wait polls the parsed screen with a deadline.

mod common;
mod pty;

use common::{Env, fixture};
use pty::{ENTER, ESC, PAGE_DOWN, Term, cell_is, pane_starts, percent, reader_rows, start, status};

/// The sample page: the newest article (2021), so the first in the list.
const SAMPLE: &str = "dan-van-2021-03-05.txt";
const TITLE: &str = "Ký kết chương trình";
/// The last related story, at the very end of the article.
const LAST_RELATED: &str = "Khơi dậy động lực";
/// The last words of the article (of its last related story's summary), on
/// the reader's last row when it is at the end, at any width.
const ARTICLE_END: &str = "lực cho...";

/// A temp dir with a store holding the sample page and three Dân trí articles.
fn prepared() -> Env {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture(SAMPLE).to_str().unwrap(),
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
    ]);
    env
}

fn reader_shows(s: &vt100::Screen, text: &str) -> bool {
    reader_rows(s).iter().any(|r| r.contains(text))
}

/// The reader is at the end of the article: its last row holds the
/// article's last words. (The last related story's title is on screen from
/// the end of the text on, before the end.)
fn at_end(s: &vt100::Screen) -> bool {
    reader_rows(s)
        .last()
        .is_some_and(|r| r.trim_end().ends_with(ARTICLE_END))
        && percent(s) == Some(100)
}

/// The reader has focus: the status line gives the article and how far through it we are.
fn reader_focused(s: &vt100::Screen) -> bool {
    status(s).contains("Article 1 of 4") && percent(s).is_some()
}

/// Page down until the status line says 100%, each key waiting for the
/// percentage to move.
fn page_to_end(t: &mut Term) {
    for _ in 0..60 {
        let before = t
            .with_screen(percent)
            .expect("the reader shows a percentage");
        if before == 100 {
            return;
        }
        t.send(PAGE_DOWN);
        t.wait_until(&format!("PageDown to move on from {before}%"), |s| {
            percent(s).is_some_and(|p| p > before)
        });
    }
    panic!("60 pages and not at the end:\n{}", t.dump());
}

fn assert_restored(t: &Term) {
    t.wait_until("the main screen back and the cursor shown", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
}

#[test]
fn read_to_the_end_resize_and_quit() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (4)");
    t.with_screen(|s| {
        assert!(
            s.alternate_screen(),
            "the reader runs on the alternate screen"
        );
        assert_eq!(pane_starts(s).len(), 2, "80 columns: list | reader");
    });

    // Open the first (newest) article.
    t.send(ENTER);
    t.wait_until("the reader focused on the sample article", |s| {
        reader_focused(s) && reader_shows(s, TITLE)
    });
    t.with_screen(|s| {
        let first = reader_rows(s).into_iter().next().unwrap_or_default();
        assert!(
            first.contains(TITLE),
            "a new article opens at its title: {first:?}"
        )
    });

    page_to_end(&mut t);
    // The text is all read (the percentage leaves the related stories out,
    // and the last one's title is already on screen): `G` goes on to the
    // bottom, the last of its summary.
    assert!(!t.with_screen(at_end), "{}", t.dump());
    t.send("G");
    t.wait_until("the end of the article", at_end);

    // Wide: sidebar | list | reader, still at the end of the article.
    // (The sidebar is named by its section, "Sources" at the start; the
    // test first looked for "Keywords", the sidebar's name before issue 12,
    // and from then on found the reader's keyword line instead.)
    t.resize(120, 40);
    t.wait_until("three panes at 120x40, still at the end", |s| {
        s.contents().contains("Sources") && pane_starts(s).len() == 3 && at_end(s)
    });

    // Narrow: the reader alone, still at the end.
    t.resize(40, 12);
    t.wait_until("one pane at 40x12, still at the end", |s| {
        let c = s.contents();
        pane_starts(s) == [0]
            && cell_is(s, 0, 39, &["┐", "┓"])
            && !c.contains("Sources")
            && !c.contains("Articles (")
            && reader_focused(s)
            && at_end(s)
    });
    assert!(
        t.wait_exit_now().is_none(),
        "docbao exited after the resize:\n{}",
        t.dump()
    );

    t.send("q");
    let st = t.wait_exit();
    assert!(st.success(), "q exits with success, got {st:?}");
    assert_restored(&t);
}

/// A key and a resize sent back to back, the resize before the key is
/// read: both are handled, whichever the program reads first. (crossterm's
/// default reader returned the one and lost the other when both were
/// waiting; see `tests/e2e_input.rs`, which makes that happen every time.)
#[test]
fn keys_sent_just_before_resizes_are_all_handled() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (4)");
    t.send(ENTER);
    t.wait_until("the reader focused", reader_focused);
    let sizes = [(120, 40), (40, 12), (100, 30), (80, 24)];
    for round in 0..12 {
        let (w, h) = sizes[round % sizes.len()];
        let to_end = round % 2 == 0;
        t.send(if to_end { "G" } else { "g" });
        t.resize(w, h);
        t.wait_until(
            &format!(
                "round {round}: {w}x{h}, the reader at its {}",
                if to_end { "end" } else { "top" }
            ),
            |s| {
                s.size().1.get() == w
                    && reader_focused(s)
                    && if to_end {
                        at_end(s)
                    } else {
                        reader_rows(s).first().is_some_and(|r| r.contains(TITLE))
                    }
            },
        );
    }
    t.send("q");
    assert!(t.wait_exit().success());
}

/// The CPU time of every thread of a process so far, in nanoseconds
/// (`/proc/PID/task/*/schedstat`, first field).
fn cpu_ns(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the tasks");
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// Idle, the reader sleeps: crossterm's timed poll spun for the last
/// millisecond of each 50 ms wait (~660 polls a second, 71 ms of CPU in
/// 5 s with a release build); waiting in poll(2) itself, a debug build
/// uses ~7 ms (its once-a-second look at the store). Not a speed target:
/// a program with nothing to do should use next to nothing.
#[test]
#[cfg(target_os = "linux")]
fn an_idle_reader_sleeps() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (4)");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let before = cpu_ns(t.pid());
    std::thread::sleep(std::time::Duration::from_secs(5));
    let used_ms = (cpu_ns(t.pid()) - before) / 1_000_000;
    assert!(used_ms < 40, "{used_ms} ms of CPU in 5 s idle");
    // Still awake to keys and resizes.
    t.resize(100, 30);
    t.send(ENTER);
    t.wait_until("the reader focused at 100 columns", |s| {
        s.size().1.get() == 100 && reader_focused(s)
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn reopens_last_article_where_left_and_ends_on_sigterm() {
    let env = prepared();
    {
        let mut t = start(&env, 80, 24);
        t.wait_for("Articles (4)");
        t.send(ENTER);
        t.wait_until("the reader focused", reader_focused);
        t.send("G");
        t.wait_until("the end of the article", |s| {
            percent(s) == Some(100) && reader_shows(s, LAST_RELATED)
        });
        t.send("q");
        assert!(t.wait_exit().success());
        assert_restored(&t);
    }

    // Started again: straight into the article last read, at the paragraph left off.
    let mut t = start(&env, 80, 24);
    // It was left at the very end: it reopens at the end.
    t.wait_until("the last article reopened in the reader, at its end", |s| {
        reader_focused(s) && percent(s) == Some(100) && reader_shows(s, LAST_RELATED)
    });
    t.with_screen(|s| {
        let first = reader_rows(s).into_iter().next().unwrap_or_default();
        assert!(
            !first.contains(TITLE),
            "reopened at the top, not where reading stopped: {first:?}"
        );
    });

    t.signal("TERM");
    let st = t.wait_exit();
    assert_eq!(st.exit_code(), 143, "SIGTERM: 128 + 15, got {st:?}");
    assert_restored(&t);
}

/// The terminal goes away under the reader (an SSH session dropped): the
/// kernel's SIGHUP ends docbao as that signal does, or its failed read of
/// the terminal ends it plainly; never with a crash. (Its restoring of the
/// terminal printed its failure with `eprintln!`, which panicked on the
/// gone terminal, in the panic hook: SIGABRT.)
#[test]
fn a_terminal_that_hangs_up_ends_docbao_cleanly() {
    let env = prepared();
    for _ in 0..3 {
        let st = pty::hang_up_when(&env.db(), env.dir.path(), &["--no-demo"], (80, 24), |s| {
            s.alternate_screen() && status(s).contains("of 4")
        });
        assert!(
            st.signal().is_none() && matches!(st.exit_code(), 129 | 0),
            "docbao after a hang-up: want exit 129 (SIGHUP) or 0, got {st:?}"
        );
    }
}

/// TERM, HUP, INT and QUIT each end docbao with 128 + the signal's number,
/// the terminal restored and the reading position kept.
#[test]
fn signals_end_with_128_plus_their_number_and_restore_the_terminal() {
    let env = prepared();
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let mut t = start(&env, 80, 24);
        t.wait_until(&format!("the reader drawn, before SIG{name}"), |s| {
            s.alternate_screen() && status(s).contains("of 4")
        });
        t.signal(name);
        let st = t.wait_exit();
        assert_eq!(
            st.exit_code(),
            128 + number,
            "SIG{name} ends docbao with 128 + {number}, got {st:?}"
        );
        assert_restored(&t);
    }
}

/// The screen redrawn on the alternate screen after a stop, and keys read
/// raw again: `j` moves without an Enter.
fn assert_resumed_and_raw(t: &mut Term) {
    t.wait_stopped("docbao running again", false);
    t.wait_until("the list redrawn on the alternate screen", |s| {
        s.alternate_screen()
            && s.hide_cursor()
            && s.contents().contains("Articles (4)")
            && status(s).contains("Article 1 of 4")
    });
    t.send("j");
    t.wait_until("j acting at once (raw mode)", |s| {
        status(s).contains("Article 2 of 4")
    });
}

/// SIGTSTP (kill -TSTP, or a shell's job control) restores the terminal and
/// stops docbao; SIGCONT (fg) takes the terminal back and redraws it all.
#[test]
fn sigtstp_stops_with_the_terminal_restored_and_sigcont_redraws() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_until("the list", |s| status(s).contains("Article 1 of 4"));
    t.signal("TSTP");
    t.wait_stopped("docbao stopped by SIGTSTP", true);
    assert_restored(&t);
    t.signal("CONT");
    assert_resumed_and_raw(&mut t);
    // And once more: a second suspension works as the first.
    t.signal("TSTP");
    t.wait_stopped("docbao stopped again", true);
    assert_restored(&t);
    t.signal("CONT");
    t.wait_stopped("docbao running again", false);
    t.wait_until("the list redrawn again", |s| {
        s.alternate_screen() && status(s).contains("Article 2 of 4")
    });
    t.send("q");
    assert!(t.wait_exit().success());
    assert_restored(&t);
}

/// ctrl-z, a key in raw mode, suspends as SIGTSTP does (also from the help
/// popup and from a text box); SIGCONT brings docbao back.
#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_until("the list", |s| status(s).contains("Article 1 of 4"));
    t.send("\x1a");
    t.wait_stopped("docbao stopped by ctrl-z", true);
    assert_restored(&t);
    t.signal("CONT");
    assert_resumed_and_raw(&mut t);

    // In the search box ctrl-z suspends too, and the box is still there after.
    t.send("/");
    t.wait_until("the search box", |s| status(s).contains("Search: /"));
    t.send("\x1a");
    t.wait_stopped("docbao stopped from the search box", true);
    assert_restored(&t);
    t.signal("CONT");
    t.wait_stopped("docbao running again", false);
    t.wait_until("the search box redrawn", |s| {
        s.alternate_screen() && status(s).contains("Search: /")
    });
    t.send(ESC);
    t.wait_until("the list back", |s| status(s).contains("Article 2 of 4"));
    t.send("q");
    assert!(t.wait_exit().success());
    assert_restored(&t);
}

#[test]
fn help_opens_and_esc_closes_it() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (4)");
    t.wait_until("the list focused on the first article", |s| {
        status(s).contains("Article 1 of 4")
    });

    t.send("?");
    t.wait_for("quit docbao");
    // A lone Esc: wait for it to take effect before the next key, so that
    // the terminal cannot read the two as one escape sequence.
    t.send(ESC);
    t.wait_until("the help popup closed", |s| {
        let c = s.contents();
        !c.contains("quit docbao") && c.contains("Articles (4)")
    });
    // Keys go to the list again.
    t.send("j");
    t.wait_until("the second article selected", |s| {
        status(s).contains("Article 2 of 4")
    });

    t.send("q");
    assert!(t.wait_exit().success());
    assert_restored(&t);
}

/// A resize round trip keeps the reader at the end of the article. (A
/// regression test: widening once clamped the view into an earlier paragraph,
/// which then became the reading position.)
#[test]
fn resize_round_trip_keeps_the_end_of_the_article() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (4)");
    t.send(ENTER);
    t.wait_until("the reader focused", reader_focused);
    t.send("G");
    t.wait_until("the end of the article", |s| {
        percent(s) == Some(100) && reader_shows(s, LAST_RELATED)
    });

    t.resize(120, 40);
    t.wait_until("three panes at 120x40, at the end", |s| {
        pane_starts(s).len() == 3 && percent(s) == Some(100)
    });

    t.resize(80, 24);
    // The status line is the last row drawn: once it shows a percentage at
    // 80 columns with two panes, the frame is complete.
    t.wait_until("two panes at 80x24 again", |s| {
        pane_starts(s).len() == 2 && s.size().1.get() == 80 && percent(s).is_some()
    });
    let at_end = t.with_screen(|s| percent(s) == Some(100) && reader_shows(s, LAST_RELATED));
    assert!(
        at_end,
        "after 80x24 -> 120x40 -> 80x24 the reader left the end of the article:\n{}",
        t.dump()
    );
    t.send("q");
    assert!(t.wait_exit().success());
}

/// The terminals people read on over SSH: each opens, pages and quits cleanly.
#[test]
fn works_under_common_term_values() {
    let env = prepared();
    for term in [
        "xterm-256color",
        "screen",
        "tmux-256color",
        "linux",
        "vt100",
    ] {
        let mut t = Term::spawn_with_term(&env.db(), env.dir.path(), &["--no-demo"], 80, 24, term);
        t.wait_until(&format!("the list under TERM={term}"), |s| {
            s.contents().contains("Articles (4)")
        });
        t.send(ENTER);
        t.wait_until(&format!("the reader under TERM={term}"), reader_focused);
        t.send("q");
        assert!(t.wait_exit().success(), "TERM={term}");
        assert_restored(&t);
    }
}

/// A dumb terminal (Emacs's `M-x shell`) cannot move the cursor: no reader
/// there, the list instead, and why (an independent review's find: the
/// reader drew its screen of escape codes).
#[test]
fn a_dumb_terminal_gets_the_list_not_the_reader() {
    let env = prepared();
    let mut t = Term::spawn_with_term(&env.db(), env.dir.path(), &["--no-demo"], 80, 24, "dumb");
    assert!(t.wait_exit().success());
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(
        raw.contains("TERM=dumb: the reader needs a terminal"),
        "{raw}"
    );
    assert!(
        raw.contains("Lãi suất ngân hàng giảm sâu"),
        "the list: {raw}"
    );
    assert!(!raw.contains("\x1b[?1049h"), "the alternate screen: {raw}");
    // The note after the list, where it is read (the whole store before it
    // scrolled it away: a tester's find).
    assert!(
        raw.find("Lãi suất ngân hàng") < raw.find("TERM=dumb"),
        "{raw}"
    );
    assert!(raw.contains("the newest 20 at most instead"), "{raw}");
}

/// Follow a related story and come back, in the real binary: the stored story
/// opens, the status line shows the trail, Back returns to the same place.
#[test]
fn follow_a_related_story_and_come_back() {
    let env = prepared();
    let later = env.write(
        "related.jsonl",
        "{\"title\": \"Phát huy vai trò nữ đại biểu HĐND các cấp\", \"url\": \"https://x.vn/nu\", \"date\": \"2021-03-01\", \"body\": [\"Nội dung bài liên quan.\"]}\n".as_bytes(),
    );
    env.ok(&["import", later.to_str().unwrap()]);
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (5)");
    t.send(ENTER);
    t.wait_until("the sample page in the reader", |s| {
        reader_shows(s, TITLE) && percent(s).is_some()
    });
    // Scroll line by line until the second paragraph starts the view: the
    // position kept is the paragraph at the top.
    let top_paragraph = "Chương trình phối hợp về công tác dân";
    let at_top = |s: &vt100::Screen| {
        reader_rows(s)
            .first()
            .is_some_and(|r| r.contains(top_paragraph))
    };
    for _ in 0..30 {
        if t.with_screen(at_top) {
            break;
        }
        let before = t.with_screen(|s| reader_rows(s).first().cloned().unwrap_or_default());
        t.send("j");
        t.wait_until("one line down", |s| {
            reader_rows(s).first().cloned().unwrap_or_default() != before
        });
    }
    assert!(t.with_screen(at_top), "{}", t.dump());
    t.send("1");
    t.wait_until("the related story open, the trail shown", |s| {
        reader_shows(s, "Phát huy vai trò nữ đại biểu") && status(s).contains("↶1")
    });
    t.send("H");
    t.wait_until("back on the sample page, at the paragraph it was at", |s| {
        !status(s).contains("↶")
            && reader_rows(s)
                .iter()
                .take(3)
                .any(|r| r.contains(top_paragraph))
            && !reader_shows(s, "Nội dung bài liên quan")
    });
    t.send("q");
    assert!(t.wait_exit().success());
    assert_restored(&t);
}

/// A related story that is not in the store opens as a stub: scrolling it
/// and `s`/`m` write nothing to the store, and `s` says why (once, an id of
/// -1 went to the store: "Cannot save the reading position" on every key).
#[test]
fn a_stub_related_story_writes_nothing_and_says_why() {
    let env = prepared();
    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (4)");
    t.send(ENTER);
    t.wait_until("the sample page in the reader", |s| {
        reader_shows(s, TITLE) && percent(s).is_some()
    });
    t.send("1");
    t.wait_until("the stub open", |s| {
        status(s).contains("Not in the store: showing what the page said")
    });
    t.send("jjj");
    t.send("s");
    t.wait_until("s explains", |s| {
        status(s).contains("Not in the store: nothing to bookmark")
    });
    t.send("m");
    t.wait_until("m explains", |s| {
        status(s).contains("Not in the store: nothing to mark")
    });
    t.send("j");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let st = t.with_screen(status);
    assert!(!st.contains("Cannot"), "{st}");
    t.send("q");
    assert!(t.wait_exit().success());
    // Nothing was written for it: the sample page is the only one read, and
    // nothing is bookmarked.
    let list = env.ok(&["list", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(rows.len(), 4, "no article was added");
    assert!(rows.iter().all(|r| r["bookmarked"] == false), "{list}");
    let read: Vec<_> = rows.iter().filter(|r| r["read"] == true).collect();
    assert_eq!(read.len(), 1, "{list}");
    assert!(read[0]["title"].as_str().unwrap().starts_with(TITLE));
}

/// `o`: on a local terminal the article's link goes to `$BROWSER`; over SSH
/// nothing is started and the link is copied instead, and the status says so.
#[test]
fn o_opens_the_link_in_browser_or_copies_it_over_ssh() {
    let env = prepared();
    let opened = env.dir.path().join("opened.txt");
    let script = env.write(
        "browser.sh",
        format!("printf '%s\\n' \"$1\" > '{}'\n", opened.display()).as_bytes(),
    );
    let browser = format!("sh {}", script.display());
    let open_a_dantri_article = |t: &mut Term| {
        t.wait_for("Articles (4)");
        t.send("j");
        t.send(ENTER);
        t.wait_until("a Dân trí article in the reader", |s| {
            status(s).contains("Article 2 of 4") && percent(s).is_some()
        });
    };

    let mut t = Term::spawn_with_env(
        &env.db(),
        env.dir.path(),
        &["--no-demo"],
        80,
        24,
        &[("BROWSER", &browser)],
    );
    open_a_dantri_article(&mut t);
    t.send("o");
    t.wait_until("the browser started", |s| {
        status(s).contains("Opened in sh")
    });
    let started = std::time::Instant::now();
    let link = loop {
        let text = std::fs::read_to_string(&opened).unwrap_or_default();
        if text.ends_with('\n') {
            break text;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "$BROWSER was not run with the link"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(link.starts_with("https://dantri.com.vn/"), "{link:?}");
    t.send("q");
    assert!(t.wait_exit().success());

    std::fs::remove_file(&opened).unwrap();
    let mut t = Term::spawn_with_env(
        &env.db(),
        env.dir.path(),
        &["--no-demo"],
        80,
        24,
        &[
            ("BROWSER", &browser),
            ("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22"),
        ],
    );
    // It reopens the article last read.
    t.wait_until("the article reopened", |s| {
        status(s).contains("Article 2 of 4") && percent(s).is_some()
    });
    t.send("o");
    // The link elided in its middle: its site and its end, the place kept.
    t.wait_until("the link copied, over SSH", |s| {
        let line = status(s);
        line.contains("Article 2 of 4 · ")
            && line.contains("Link copied (over SSH): dantri.com")
            && line.trim_end().ends_with(".htm")
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!opened.exists(), "nothing is started over SSH");
    t.send("q");
    assert!(t.wait_exit().success());
    assert_restored(&t);
}

/// Two readers on one store while a CLI import writes to it: each reader's
/// marks (opened = read, `s` = bookmarked) reach the store, and the import
/// loses nothing ("database is locked" once lost all of these).
#[test]
fn two_readers_and_an_import_on_one_store_all_finish() {
    let env = prepared();
    let lines: String = (0..3000)
        .map(|i| {
            format!(
                "{{\"title\": \"Bài nhập song song số {i}\", \"url\": \"https://x.vn/song-song/{i}\", \"date\": \"2019-01-01\", \"body\": [\"Nội dung bài {i}.\"]}}\n"
            )
        })
        .collect();
    let input = env.write("many.jsonl", lines.as_bytes());
    let mut a = start(&env, 100, 30);
    let mut b = start(&env, 100, 30);
    a.wait_for("Articles (4)");
    b.wait_for("Articles (4)");
    let import = env
        .cmd()
        .args(["import", input.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Reader a opens and bookmarks the first article, reader b the second.
    a.send(ENTER);
    a.wait_until("a: the sample page open", |s| {
        reader_shows(s, TITLE) && percent(s).is_some()
    });
    a.send("s");
    a.wait_until("a: bookmarked", |s| status(s).contains("Bookmarked"));
    b.send("j");
    b.send(ENTER);
    b.wait_until("b: the second article open", |s| {
        status(s).contains("Article 2 of") && percent(s).is_some()
    });
    b.send("s");
    b.wait_until("b: bookmarked", |s| status(s).contains("Bookmarked"));
    let out = import.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("3000 added"), "{err}");
    a.send("q");
    b.send("q");
    assert!(a.wait_exit().success());
    assert!(b.wait_exit().success());
    for t in [&a, &b] {
        let screen = t.contents();
        assert!(!screen.contains("locked"), "{screen}");
        assert!(!screen.contains("Cannot"), "{screen}");
    }
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["list", "--json", "--limit", "5000"])).unwrap();
    assert_eq!(rows.len(), 3004, "every article imported");
    let bookmarked: Vec<&str> = rows
        .iter()
        .filter(|r| r["bookmarked"] == true)
        .filter_map(|r| r["title"].as_str())
        .collect();
    assert_eq!(bookmarked.len(), 2, "{bookmarked:?}");
    assert!(bookmarked.iter().any(|t| t.starts_with(TITLE)));
    let read = rows.iter().filter(|r| r["read"] == true).count();
    assert_eq!(read, 2, "the two opened articles are read");
}

/// b, PgUp and ctrl-b page back up through the article (they went one line
/// down), each a page at a time.
#[test]
fn page_up_keys_scroll_back_up() {
    let env = prepared();
    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (4)");
    t.send(ENTER);
    t.wait_until("the reader focused on the sample article", |s| {
        reader_focused(s) && reader_shows(s, TITLE)
    });
    page_to_end(&mut t);
    let mut before = 100;
    for (name, key) in [("b", "b"), ("PgUp", "\x1b[5~"), ("ctrl-b", "\x02")] {
        t.send(key);
        t.wait_until(&format!("{name} to scroll up from {before}%"), |s| {
            percent(s).is_some_and(|p| p < before)
        });
        before = t.with_screen(percent).expect("a percentage");
    }
    t.send("q");
    assert!(t.wait_exit().success());
}
