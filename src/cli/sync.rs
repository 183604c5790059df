//! `docbao sync` and `docbao sync add`: the sync through the Fever API.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};

use crate::cli::args::{SyncArgs, SyncCommand};
use crate::jobs::http::default_fetcher;
use crate::jobs::sync::{self, Account, Fever, SyncProgress, account, fever};
use crate::store::Store;
use crate::text::clean;

/// The account `docbao sync` syncs with; an error when there is none yet.
pub fn account() -> Result<Account> {
    let path = account_path()?;
    match account::load(&path)? {
        Some(account) => Ok(account),
        None => anyhow::bail!(
            "no sync account yet (\"{}\"): add one with `docbao sync add URL --email E`",
            path.display()
        ),
    }
}

/// Where the account is kept.
fn account_path() -> Result<std::path::PathBuf> {
    account::account_path().context(
        "cannot find a config folder for this user (no home directory?); set DOCBAO_SYNC_FILE",
    )
}

/// Run `docbao sync` with `account`. `false`: it ran, but some items could
/// not be stored (the report says which).
pub fn sync(
    store: &mut Store,
    account: &Account,
    args: &SyncArgs,
    out: &mut impl Write,
) -> Result<bool> {
    let fetcher = default_fetcher(Some(args.timeout));
    let tty = std::io::stderr().is_terminal() && !args.json;
    let stop = crate::cli::interrupt::Interrupt::catch();
    // A stop is said at once, even while a request waits for the server:
    // the sync ends only when it has answered (or given up).
    let said = || {
        let _ = writeln!(
            std::io::stderr(),
            "{}docbao: sync: stopping once the server answers (a request gives up after {} s); Ctrl-C again quits at once",
            if tty { "\r\x1b[2K" } else { "" },
            args.timeout
        );
        false
    };
    let report = stop.watching(std::time::Duration::from_millis(50), said, || {
        run(store, &fetcher, account, tty, &|| stop.stopped())
    })?;
    if tty {
        eprint!("\r\x1b[2K");
    }
    if let (true, Some(signal)) = (report.stopped, stop.signal()) {
        let message = format!(
            "{} stored, {} sent to the server; the next sync goes on from there",
            crate::text::count(report.new_items, "new item"),
            crate::text::count(report.pushed, "mark"),
        );
        return Err(crate::cli::interrupt::Interrupted { signal, message }.into());
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{report}")?;
        let mut err = std::io::stderr().lock();
        for e in &report.errors {
            let _ = writeln!(err, "docbao: {}", clean(e));
        }
    }
    Ok(report.errors.is_empty())
}

/// The sync itself, its progress on one line of a terminal.
fn run(
    store: &mut Store,
    fetcher: &crate::jobs::http::Fetcher,
    account: &Account,
    tty: bool,
    stop: &dyn Fn() -> bool,
) -> Result<sync::SyncReport> {
    sync::sync(store, fetcher, account, stop, |p| {
        if !tty {
            return;
        }
        let line = match p {
            SyncProgress::Pushing { done, total } => format!("sending marks: {done} of {total}"),
            SyncProgress::Feeds => "reading the feeds".to_string(),
            SyncProgress::Items { stored } => format!("new items: {stored}"),
            SyncProgress::State => "reading the read and saved state".to_string(),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2Kdocbao: sync: {line}");
        let _ = err.flush();
    })
}

/// `docbao sync add`: ask for the password (or take DOCBAO_SYNC_PASSWORD),
/// check the key with the server, keep the account. It needs no store.
pub fn add(args: &SyncArgs, out: &mut impl Write) -> Result<()> {
    let Some(SyncCommand::Add {
        url,
        email,
        timeout,
    }) = &args.command
    else {
        return Ok(());
    };
    let path = account_path()?;
    let endpoint = fever::endpoint(url);
    crate::text::web_url(&endpoint).map_err(|why| anyhow::anyhow!("\"{}\": {why}", clean(url)))?;
    let password = match std::env::var("DOCBAO_SYNC_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ => rpassword::prompt_password(format!(
            "Password for {} at {}: ",
            clean(email),
            clean(&endpoint)
        ))
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot read the password from the terminal ({e}); set DOCBAO_SYNC_PASSWORD instead"
            )
        })?,
    };
    let account = Account {
        url: endpoint,
        email: email.to_string(),
        api_key: fever::api_key(email, &password),
    };
    let fetcher = default_fetcher(Some(*timeout));
    let version = Fever::new(&fetcher, &account.url, &account.api_key).check()?;
    account::save(&path, &account)?;
    writeln!(
        out,
        "Sync account saved in {} (Fever API version {version}); `docbao sync` syncs now",
        path.display()
    )?;
    Ok(())
}
