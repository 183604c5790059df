//! The sync account: the Fever endpoint, the email it was added with and the
//! API key (md5 of "email:password"; the password itself is never kept), in
//! `sync.toml` beside the config file, readable by its owner alone (mode
//! 600).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The account `docbao sync add` keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub url: String,
    pub email: String,
    pub api_key: String,
}

/// Where the account is kept: `$DOCBAO_SYNC_FILE`, else `sync.toml` in
/// `$XDG_CONFIG_HOME/docbao/`, else in the platform config folder
/// (`~/.config/docbao/` on Linux).
pub fn account_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DOCBAO_SYNC_FILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(x).join("docbao").join("sync.toml"));
    }
    directories::ProjectDirs::from("", "", "docbao").map(|d| d.config_dir().join("sync.toml"))
}

/// The account at `path`; `None` when there is none yet.
pub fn load(path: &Path) -> anyhow::Result<Option<Account>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => anyhow::bail!("cannot read the sync account \"{}\": {e}", path.display()),
    };
    let account: Account = toml::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "\"{}\" is not a sync account docbao can read ({}); run `docbao sync add` again",
            path.display(),
            crate::text::clean(e.message())
        )
    })?;
    Ok(Some(account))
}

/// Write the account, readable and writable by the owner alone (mode
/// 600), its folder made if needed.
pub fn save(path: &Path, account: &Account) -> anyhow::Result<()> {
    let shown = path.display();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot make the folder \"{}\": {e}", dir.display()))?;
    }
    let body = toml::to_string(account)
        .map_err(|e| anyhow::anyhow!("cannot write the sync account: {e}"))?;
    let text = format!(
        "# docbao's sync account, written by `docbao sync add`. api_key is the Fever\n\
         # API key, md5(\"email:password\"): it gives access to the account, keep this\n\
         # file private.\n{body}"
    );
    // A private temporary file (mode 600) beside it, renamed over it: the
    // account is never half written, nor readable by others for a moment.
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot write in \"{}\": {}",
            dir.display(),
            crate::text::io_reason(&e)
        )
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| anyhow::anyhow!("cannot make \"{shown}\" private: {e}"))?;
    }
    file.write_all(text.as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot write \"{shown}\": {e}"))?;
    file.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot write \"{shown}\": {}", e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_is_kept_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cfg").join("sync.toml");
        assert_eq!(load(&path).unwrap(), None);
        let a = Account {
            url: "http://127.0.0.1:1/fever".into(),
            email: "a@b.c".into(),
            api_key: "7da2bfcd0822bb10eeed15fe468a5fd3".into(),
        };
        save(&path, &a).unwrap();
        assert_eq!(load(&path).unwrap(), Some(a.clone()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            save(&path, &a).unwrap();
            assert_eq!(mode(&path), 0o600);
        }
        std::fs::write(&path, "url = 3").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(
            e.contains("sync.toml") && e.contains("docbao sync add"),
            "{e}"
        );
    }
}
