//! End to end: `docbao add` and `feed add` on a terminal say what they wait
//! for. Nothing showed for as long as the timeout, and a slow site looked
//! like a program hung (an independent review's find).

mod common;
mod pty;

use std::time::Duration;

use common::server::{Reply, Server};
use common::{Env, fixture};
use pty::Term;

#[test]
fn a_slow_fetch_shows_what_it_waits_for_and_then_clears() {
    let server = Server::start();
    server.route("/bai.html", |_| Reply {
        delay: Duration::from_millis(1500),
        ..Reply::ok(
            "text/html; charset=utf-8",
            std::fs::read(fixture("html/nld1.html")).unwrap(),
        )
    });
    let env = Env::new();
    let url = server.url("/bai.html");
    let mut t = Term::spawn(&env.db(), env.dir.path(), &["add", &url], 100, 10);
    t.wait_for("fetching 127.0.0.1…");
    assert!(t.wait_exit().success(), "{}", t.dump());
    let screen = t.contents();
    assert!(screen.contains("Saved: "), "{screen}");
    assert!(
        !screen.contains("fetching"),
        "the spinner is cleared: {screen}"
    );
}
