//! Opening the file: what is refused before SQLite writes anything (a
//! folder, a file that is not SQLite, a truncated one, another program's
//! database), and how a store that cannot be written is opened read-only.
//!
//! # Read-only stores
//!
//! A store in WAL mode is read through its `-shm` file (and `-wal`), which
//! SQLite creates next to the database. Measured here (SQLite 3.4x, as root,
//! with `chattr +i` making the file or its folder unwritable even for root):
//!
//! - the file cannot be written but its folder can: a read-write open falls
//!   back to read-only by itself (`sqlite3_db_readonly` says so), and reads
//!   work (SQLite makes the `-shm` and `-wal` files in the folder);
//! - the folder cannot be written and no `-shm` exists: every open fails
//!   with "unable to open database file" (code 14), read-write or
//!   `SQLITE_OPEN_READ_ONLY`, and `nolock=1` does not help; only the URI
//!   parameter `immutable=1` opens it. `immutable` reads the main file as
//!   it is, without locks, so it is used only when there is no `-wal` file
//!   (nothing committed is left outside the main file); changes another
//!   program makes meanwhile are not seen.
//! - an existing `-shm` that cannot be written (the owner's reader is open):
//!   SQLite reads through it read-only (3.22+).
//!
//! So [`Access::ReadIfNeeded`] tries read-write first, then plain read-only,
//! then `immutable=1`.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, MAIN_DB, OpenFlags};

use super::hold::FileHold;
use super::{Result, StoreError};

/// How a command means to use the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// It writes: a store that cannot be written is refused at once.
    Write,
    /// It only reads: a store that cannot be written is opened read-only.
    ReadIfNeeded,
    /// It only reads and has nothing to show without a store: a path with
    /// no file is refused ([`StoreError::NoStore`]) and nothing is made, not
    /// even a folder; otherwise as [`Access::ReadIfNeeded`].
    ReadExisting,
    /// It writes, but has nothing to do on a new store (fetch its feeds,
    /// check it, mark its articles): a path with no file is refused as with
    /// [`Access::ReadExisting`]; otherwise as [`Access::Write`].
    WriteExisting,
}

impl Access {
    /// Whether a path with no file is refused rather than made a new store.
    fn needs_a_store(self) -> bool {
        matches!(self, Access::ReadExisting | Access::WriteExisting)
    }

    /// Whether a store that cannot be written is refused.
    pub(super) fn writes(self) -> bool {
        matches!(self, Access::Write | Access::WriteExisting)
    }
}

/// What opening the store did besides opening it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opened {
    /// Opened read-only, and why (the file or its folder cannot be written).
    pub read_only: Option<String>,
    /// The same in a few words, for a status line ("the disk is full").
    pub read_only_short: Option<&'static str>,
    /// The schema was upgraded: (from, to).
    pub migrated: Option<(i64, i64)>,
    /// The copy written before upgrading the schema.
    pub backup: Option<PathBuf>,
}

impl Opened {
    /// One line on the backup written before an upgrade, if there was one.
    pub fn backup_note(&self) -> Option<String> {
        let backup = self.backup.as_ref()?;
        let (from, to) = self.migrated.unwrap_or_default();
        Some(format!(
            "the store was upgraded from schema version {from} to {to}; a copy of it as it was is in \"{}\"",
            backup.display()
        ))
    }
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Refuse what SQLite would misread or overwrite: a folder, a file that is
/// not SQLite, a file shorter than its header says. A missing or empty file
/// is a new store, unless `access` is [`Access::ReadExisting`] or
/// [`Access::WriteExisting`], which refuse a missing one.
///
/// Gives the store's share in the file when there is one
/// ([`FileHold`]: its header is read through the one descriptor the
/// process keeps for it, never one closed while a store has it open).
pub(super) fn check_file(path: &Path, access: Access) -> Result<Option<FileHold>> {
    // `--db newdir/`: SQLite made a file "newdir" (a tester's report).
    if path.as_os_str().as_encoded_bytes().ends_with(b"/") {
        return Err(not_db(
            path,
            "it ends in \"/\", as a folder does, and a store is a file: name one in the \
             folder (\"…/docbao.db\")"
                .into(),
        ));
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        // Not there yet (or a folder on the way is missing, or is a file):
        // making it says what is wrong with the path.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            // A file where the path has a folder (`notdb.db/x.db`): said so,
            // not as the system's "File exists" on making the folder.
            if let Some(file) = path
                .ancestors()
                .skip(1)
                .filter(|a| !a.as_os_str().is_empty())
                .find(|a| std::fs::metadata(a).is_ok_and(|m| !m.is_dir()))
            {
                return Err(StoreError::Blocked {
                    path: path.to_path_buf(),
                    why: format!("\"{}\" is a file, not a folder", file.display()),
                });
            }
            if access.needs_a_store() {
                return Err(StoreError::NoStore {
                    path: path.to_path_buf(),
                });
            }
            return Ok(None);
        }
        Err(e) => return Err(unreadable(path, &e)),
    };
    if meta.is_dir() {
        return Err(not_db(path, "it is a folder, not a file".into()));
    }
    // A device or a pipe: SQLite said only "disk I/O error" (`/dev/null`,
    // a FIFO), or read a FIFO's writer.
    if !meta.is_file() {
        return Err(not_db(
            path,
            "it is not a regular file (a device, a pipe or a socket); a store is a file".into(),
        ));
    }
    let hold = FileHold::take(&meta);
    let len = meta.len();
    if len == 0 {
        // An empty file (`touch`) holds no store yet: a reading command
        // makes none in it, as with no file (it wrote 225 KB of schema).
        if access.needs_a_store() {
            return Err(StoreError::NoStore {
                path: path.to_path_buf(),
            });
        }
        return Ok(Some(hold));
    }
    let mut header = [0u8; 100];
    let got = hold
        .read_start(path, &mut header)
        .map_err(|e| unreadable(path, &e))?;
    if got < 16 || &header[..16] != SQLITE_HEADER {
        return Err(not_db(path, "it is not a SQLite database file".into()));
    }
    if got < 100 {
        return Err(damaged(
            path,
            format!("it is truncated ({len} bytes, shorter than SQLite's header)"),
        ));
    }
    // The page count in the header is valid when its change counter
    // (offset 24) matches the one at offset 92. Pages past the end of a file
    // with no -wal beside it are lost.
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    if be32(24) == be32(92) && pages > 0 && !side_file(path, "-wal").exists() {
        let want = pages * page_size;
        if len < want {
            return Err(damaged(
                path,
                format!("it is truncated ({len} bytes of the {want} its header counts)"),
            ));
        }
    }
    Ok(Some(hold))
}

/// `<path>-wal`, `<path>-shm`.
pub(super) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn not_db(path: &Path, why: String) -> StoreError {
    StoreError::NotADatabase {
        path: path.to_path_buf(),
        why,
    }
}

/// The store's file could not be read: for want of permission, said so
/// with what to do; else the system's reason.
fn unreadable(path: &Path, e: &std::io::Error) -> StoreError {
    let why = match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "this user may not read it (run docbao as its owner, or give another --db)".to_string()
        }
        _ => crate::text::io_reason(e),
    };
    StoreError::Unreadable {
        path: path.to_path_buf(),
        why,
    }
}

fn damaged(path: &Path, why: String) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        why,
    }
}

fn code(e: &rusqlite::Error) -> Option<ErrorCode> {
    e.sqlite_error_code()
}

/// Errors that mean "cannot write here", not "broken".
fn is_unwritable(e: &rusqlite::Error) -> bool {
    matches!(
        code(e),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
    )
}

/// Turn an error on first reading the file into what it says about the file.
pub(super) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match code(&e) {
        Some(ErrorCode::NotADatabase) => not_db(path, format!("SQLite cannot read it: {e}")),
        Some(ErrorCode::DatabaseCorrupt) => damaged(path, e.to_string()),
        Some(ErrorCode::DiskFull) => StoreError::DiskFull {
            path: path.to_path_buf(),
            why: e.to_string(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            match blocker(path) {
                Some(why) => StoreError::Blocked {
                    path: path.to_path_buf(),
                    why,
                },
                None => StoreError::Open {
                    path: path.to_path_buf(),
                    cause: e,
                },
            }
        }
        _ => StoreError::Open {
            path: path.to_path_buf(),
            cause: e,
        },
    }
}

/// What keeps SQLite from opening the store when it says only "attempt to
/// write a readonly database" or "unable to open database file": a -shm
/// or -wal beside it this process cannot write (left by a read-only open
/// or by another user), or, for a new store, a folder it cannot write.
fn blocker(path: &Path) -> Option<String> {
    for suffix in ["-shm", "-wal"] {
        let side = side_file(path, suffix);
        if side.exists()
            && let Err(e) = rustix::fs::access(&side, rustix::fs::Access::WRITE_OK)
        {
            return Some(format!(
                "\"{}\" beside it cannot be written ({}): SQLite needs to write it; if no \
                 program has the store open, remove \"{}\" and \"{}\" (or give them \
                 to the store's owner)",
                side.display(),
                std::io::Error::from_raw_os_error(e.raw_os_error()),
                side_file(path, "-shm").display(),
                side_file(path, "-wal").display(),
            ));
        }
    }
    if !path.exists() {
        let dir = folder(path);
        if let Err(e) = rustix::fs::access(dir, rustix::fs::Access::WRITE_OK) {
            return Some(format!(
                "it cannot be made: its folder \"{}\" cannot be written ({})",
                dir.display(),
                std::io::Error::from_raw_os_error(e.raw_os_error())
            ));
        }
    }
    None
}

/// Read what every open needs: the schema and the version. Fails on a file
/// SQLite cannot use, and (in WAL mode) when the `-shm` file cannot be made.
fn probe(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(())
}

/// Open the connection, read-write when possible; read-only (and why)
/// when the file or its folder cannot be written and `access` allows it.
pub(super) fn connect(path: &Path, access: Access) -> Result<(Connection, Option<Unwritable>)> {
    super::alloc::configure();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|cause| StoreError::CreateDir {
            path: dir.to_path_buf(),
            cause,
        })?;
    }
    let exists = path.exists();
    // A file this process cannot write, with no -wal or -shm beside it (no
    // program has it open in WAL mode): read as it is, immutable. Opened
    // as usual, SQLite made the two files, read-only (copying the file's
    // mode) or owned by the reader, and left them: once the file could be
    // written again, or for the user who owns it, every open then failed
    // ("attempt to write a readonly database"; a tester's report).
    if exists
        && !writable(path)
        && !side_file(path, "-wal").exists()
        && !side_file(path, "-shm").exists()
    {
        let why = why_unwritable(path, None);
        if access.writes() {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                why: why.why,
            });
        }
        let why = Unwritable {
            immutable: true,
            ..why
        };
        return Ok((open_immutable(path)?, Some(why)));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let rw = Connection::open_with_flags(path, flags).and_then(|c| {
        c.busy_timeout(super::BUSY_TIMEOUT)?;
        probe(&c).map(|()| c)
    });
    let unwritable_err = match rw {
        Ok(c) if !c.is_readonly(MAIN_DB).unwrap_or(false) => return Ok((c, None)),
        Ok(_) => None,
        Err(e) if exists && (is_unwritable(&e) || disk_full(path, &e)) => Some(e),
        Err(e) => return Err(classify(path, e)),
    };
    let why = why_unwritable(path, unwritable_err.as_ref());
    if access.writes() {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            why: why.why,
        });
    }
    let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, ro).and_then(|c| {
        c.busy_timeout(super::BUSY_TIMEOUT)?;
        probe(&c).map(|()| c)
    });
    match conn {
        Ok(c) => Ok((c, Some(why))),
        // Nothing in a WAL (none, or an empty one): the file alone is the
        // store, and it reads as it is.
        Err(e)
            if (is_unwritable(&e) || disk_full(path, &e))
                && std::fs::metadata(side_file(path, "-wal")).map_or(true, |m| m.len() == 0) =>
        {
            let why = Unwritable {
                immutable: true,
                ..why
            };
            Ok((open_immutable(path)?, Some(why)))
        }
        Err(e) => Err(classify(path, e)),
    }
}

/// The store opened read-only because its disk is full: opened for
/// writing, the work the store had left failed for want of space.
pub(super) fn connect_read_only(path: &Path) -> Result<(Connection, Unwritable)> {
    let why = Unwritable {
        why: "the disk holding it is full: no space left on the device".to_string(),
        short: "the disk is full",
        immutable: false,
    };
    let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, ro)
        .and_then(|c| {
            c.busy_timeout(super::BUSY_TIMEOUT)?;
            probe(&c).map(|()| c)
        })
        .map_err(|e| classify(path, e))?;
    Ok((conn, why))
}

/// SQLite failed for want of space: "database or disk is full", or "disk
/// I/O error" (its -shm could not grow) with no space left where the store
/// is. The reading commands then read it read-only; opened for writing,
/// SQLite wrote the WAL back into the file first, and failed.
fn disk_full(path: &Path, e: &rusqlite::Error) -> bool {
    match code(e) {
        Some(ErrorCode::DiskFull) => true,
        Some(ErrorCode::SystemIoFailure) => rustix::fs::statvfs(folder(path))
            .is_ok_and(|s| s.f_bavail.saturating_mul(s.f_frsize) < 65536),
        _ => false,
    }
}

/// The folder a store's file is in ("." for a bare file name).
fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// What says a store's file has changed: its size, its last change and
/// whether a `-wal` is beside it (its owner has it open). A connection
/// opened `immutable` reads wrongly once the file changes, so the reader
/// looks at this and opens the store again ([`super::Store::poll_version`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    wal: bool,
}

impl Stamp {
    pub(super) fn of(path: &Path) -> Stamp {
        let meta = std::fs::metadata(path).ok();
        Stamp {
            len: meta.as_ref().map_or(0, |m| m.len()),
            modified: meta.and_then(|m| m.modified().ok()),
            wal: side_file(path, "-wal").exists(),
        }
    }
}

/// Open the file read-only as a file nobody changes (`immutable=1`): no
/// lock, no -wal or -shm made or read.
fn open_immutable(path: &Path) -> Result<Connection> {
    let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let uri = format!("file:{}?immutable=1", uri_path(path)?);
    Connection::open_with_flags(uri, ro | OpenFlags::SQLITE_OPEN_URI)
        .and_then(|c| probe(&c).map(|()| c))
        .map_err(|e| classify(path, e))
}

/// The store's file opened read-write, if it can be now (its file and
/// folder writable, room on the disk for its side files); `None` else.
pub(super) fn connect_writable(path: &Path) -> Option<Connection> {
    if !writable(path) {
        return None;
    }
    match connect(path, Access::Write) {
        Ok((conn, None)) => Some(conn),
        _ => None,
    }
}

/// Can this process write the file? Asked without opening it (see
/// [`why_unwritable`]).
fn writable(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
}

/// Why a store opened read-only cannot be written: in words, and in a few.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unwritable {
    pub why: String,
    pub short: &'static str,
    /// Opened `immutable` ([`open_immutable`]): SQLite takes the file as
    /// one nobody changes ([`Stamp`] tells when somebody did).
    pub immutable: bool,
}

/// Why the store cannot be written, in words.
fn why_unwritable(path: &Path, err: Option<&rusqlite::Error>) -> Unwritable {
    // Asked without opening it: closing a descriptor of the file would drop
    // the locks of any store of this process that has it open (`hold`).
    if let Err(e) = rustix::fs::access(path, rustix::fs::Access::WRITE_OK) {
        return Unwritable {
            why: format!(
                "the file cannot be written: {}",
                std::io::Error::from_raw_os_error(e.raw_os_error())
            ),
            short: "its file cannot be written",
            immutable: false,
        };
    }
    let dir = folder(path).display().to_string();
    if err.is_some_and(|e| disk_full(path, e)) {
        return Unwritable {
            why: "the disk holding it is full: no space left on the device".to_string(),
            short: "the disk is full",
            immutable: false,
        };
    }
    match err {
        Some(e) => Unwritable {
            why: format!(
                "its folder \"{dir}\" cannot be written, and SQLite needs its -wal and -shm files there: {e}"
            ),
            short: "its folder cannot be written",
            immutable: false,
        },
        None => Unwritable {
            why: "SQLite opened it read-only".to_string(),
            short: "SQLite opened it read-only",
            immutable: false,
        },
    }
}

/// The path as a URI path: absolute, with `%`, `?`, `#` and every byte
/// outside printable ASCII percent-encoded.
fn uri_path(path: &Path) -> Result<String> {
    let abs =
        std::path::absolute(path).map_err(|e| not_db(path, format!("cannot resolve it: {e}")))?;
    let mut out = String::new();
    for &b in abs.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{b:02X}")),
            0x21..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(out)
}

/// A SQLite file whose tables are not docbao's (version 0 with tables):
/// migrating would write into another program's database. The version and
/// the tables are read in one statement, so in one snapshot: another
/// process creating the store at the same moment commits its first tables
/// with version 1.
pub(super) fn check_foreign(conn: &Connection, path: &Path) -> Result<()> {
    let (version, tables): (i64, String) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT coalesce(group_concat(name, char(10)), '') FROM (
                        SELECT name FROM sqlite_master
                        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name))",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| classify(path, e))?;
    let tables: Vec<&str> = tables.lines().collect();
    if version != 0 {
        return Ok(());
    }
    if !tables.is_empty() {
        let shown: Vec<String> = tables.iter().take(3).map(|t| format!("\"{t}\"")).collect();
        let more = if tables.len() > 3 { ", …" } else { "" };
        return Err(not_db(
            path,
            format!(
                "it is another program's SQLite database (tables {}{more}, and no docbao schema version)",
                shown.join(", ")
            ),
        ));
    }
    Ok(())
}

/// A free name next to the store for a copy at schema version `version`:
/// `<store>.v<N>.bak`, else `<store>.v<N>.1.bak`, `.2.bak`…
pub(super) fn backup_name(path: &Path, version: i64, attempt: u32) -> PathBuf {
    let suffix = match attempt {
        0 => format!(".v{version}.bak"),
        n => format!(".v{version}.{n}.bak"),
    };
    side_file(path, &suffix)
}
