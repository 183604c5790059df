//! Feeds with the faults real servers send, each served by a server the
//! test starts on 127.0.0.1: a feed larger than a page.

mod common;

use common::server::{Reply, Server};
use common::{Env, stderr};

#[test]
fn a_feed_is_read_up_to_the_file_import_limit() {
    let server = Server::start();
    // 11 MiB: over a page's 10 MiB limit (a feed that carries whole
    // articles), here in a comment so the test reads little.
    let mut big = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Báo lớn</title>\
         <item><title>Tin lớn</title><link>http://big.example.vn/1</link></item>\n<!-- ",
    );
    big.push_str(&"lớn ".repeat(11 * 1024 * 1024 / 6));
    big.push_str("--></channel></rss>");
    assert!(big.len() > 11 * 1024 * 1024);
    server.route("/big.xml", move |_| {
        Reply::ok("application/rss+xml", big.clone())
    });
    server.route("/huge.xml", |_| Reply {
        stream_len: Some(33 * 1024 * 1024),
        ..Reply::ok("application/rss+xml", "")
    });
    let env = Env::new();
    let out = env.ok(&["feed", "add", &server.url("/big.xml")]);
    assert!(out.starts_with("Subscribed to Báo lớn "), "{out}");
    assert_eq!(env.titles(&[]), ["Tin lớn"]);
    let url = server.url("/huge.xml");
    let out = env.run(&["feed", "add", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("docbao: {url}: the feed is larger than 32 MiB, docbao's limit for a feed\n")
    );
}
