//! A small HTTP/1.1 server on 127.0.0.1 for the network tests: each route
//! answers as a real server would (errors, redirects, slow, huge, gzip,
//! conditional GET). No test reaches the internet.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
    /// Claim this many bytes and stream them (the 50 MiB case).
    pub stream_len: Option<u64>,
    /// Send the head and half the body, then wait this long before the
    /// rest (a page that answers at once and comes too slowly).
    pub stall: Duration,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            stream_len: None,
            stall: Duration::ZERO,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            ..Reply::ok("text/plain", format!("status {status}"))
        }
    }

    pub fn header(mut self, k: &str, v: &str) -> Reply {
        self.headers.push((k.into(), v.into()));
        self
    }
}

type Route = Box<dyn Fn(&Request) -> Reply + Send + Sync>;

pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let (r, h) = (routes.clone(), hits.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, h) = (r.clone(), h.clone());
                std::thread::spawn(move || serve(stream, &r, &h));
            }
        });
        Server { base, routes, hits }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn route(&self, path: &str, f: impl Fn(&Request) -> Reply + Send + Sync + 'static) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.to_string(), Box::new(f));
    }

    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn serve(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    hits: &Mutex<HashMap<String, usize>>,
) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    *hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    let req = Request {
        path: path.clone(),
        headers,
    };
    let reply = match routes.lock().unwrap().get(&path) {
        Some(f) => f(&req),
        None => Reply::status(404),
    };
    std::thread::sleep(reply.delay);
    let mut out = stream;
    let len = reply.stream_len.unwrap_or(reply.body.len() as u64);
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {len}\r\nConnection: close\r\n",
        reply.status
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    match reply.stream_len {
        Some(n) => {
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            while sent < n {
                if out.write_all(&chunk).is_err() {
                    return; // the client stopped reading: fine
                }
                sent += chunk.len() as u64;
            }
        }
        None => {
            let half = reply.body.len() / 2;
            let _ = out.write_all(&reply.body[..half]);
            let _ = out.flush();
            std::thread::sleep(reply.stall);
            let _ = out.write_all(&reply.body[half..]);
        }
    }
}

/// A port with nothing listening on it, and that no other test's server
/// will take: see [`spare_port`].
pub fn closed_port() -> u16 {
    spare_port()
}

/// A free port below the system's ephemeral range, for a server another
/// program will bind later (coldsweat) or for nothing to listen on.
///
/// A port from `bind(0)` is free only until it is let go: the tests'
/// own servers run in parallel and bind port 0, and one of them was given
/// the port coldsweat was about to bind (CI, session 61: docbao met that
/// server's 404 instead of coldsweat). The system never hands out a port
/// below its ephemeral range for `bind(0)`, and within this process each
/// call gives a different port, so a port from here stays ours.
pub fn spare_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    // The ephemeral range (32768-60999 unless the system says otherwise):
    // below it, else above it; a system whose range leaves neither room
    // gets a port from `bind(0)`, as before.
    let range: Vec<u32> = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .map(|s| {
            s.split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let (low, high) = match range[..] {
        [low, high] => (low, high),
        _ => (32768, 60999),
    };
    let (base, span) = if low >= 11024 {
        (10000, low - 10000)
    } else if high <= 64535 {
        (high + 1, (65535 - high).min(4000))
    } else {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        return l.local_addr().unwrap().port();
    };
    // A different start for each test process, then one port after another.
    let seed = std::process::id()
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
    let _ = NEXT.compare_exchange(0, seed % span + 1, Ordering::SeqCst, Ordering::SeqCst);
    for _ in 0..span {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let port = (base + n % span) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port in {base}..{}", base + span)
}
