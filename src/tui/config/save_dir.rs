//! `ui.save_dir`: the folder `w` offers, checked when the config is read.
//! `$VAR` and `${VAR}` are the environment's; the folder must be a full
//! path (`/…`, `~/…`), never one relative to where docbao was started.

/// The folder as `w` will use it, `$VAR`s expanded by `env`; or why not.
pub(super) fn save_dir(raw: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let raw = raw.trim();
    let shown = crate::text::width::quoted(raw);
    if raw.chars().any(char::is_control) {
        return Err(
            "ui.save_dir holds a control character (a line break, a tab): \
                    write the folder on one line"
                .to_string(),
        );
    }
    let dir = expand_vars(raw, env)?;
    if dir.chars().any(char::is_control) {
        return Err(format!(
            "ui.save_dir \"{shown}\" holds a control character once its variables are expanded"
        ));
    }
    let full = std::path::Path::new(&dir).is_absolute() || dir == "~" || dir.starts_with("~/");
    if !full {
        return Err(format!(
            "ui.save_dir must be a full path (/…, ~/… or $HOME/…), not \"{shown}\": \
             a relative one would change with the folder docbao is started in"
        ));
    }
    Ok(dir)
}

/// `$NAME` and `${NAME}` replaced by the variable's value (shellexpand; so
/// is `${NAME:-default}`); one not set, or set empty, is an error naming it.
/// A `$` not followed by a name stays a `$`.
fn expand_vars(s: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    // shellexpand leaves an unclosed `${` as it is: a folder of that name.
    if let Some(at) = s.find("${")
        && !s[at..].contains('}')
    {
        return Err(format!(
            "ui.save_dir \"{}\": a \"${{\" is not closed by \"}}\"",
            crate::text::width::quoted(s)
        ));
    }
    let value = |name: &str| match env(name).filter(|v| !v.is_empty()) {
        Some(v) => Ok(Some(v)),
        None => Err("not set"),
    };
    shellexpand::env_with_context(s, value)
        .map(|dir| dir.into_owned())
        .map_err(|e| {
            format!(
                "ui.save_dir names ${}, which is not set",
                crate::text::width::quoted(&e.var_name)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "HOME" => Some("/home/lan".into()),
            "XDG_DOCUMENTS_DIR" => Some("/home/lan/Tài liệu".into()),
            _ => None,
        }
    }

    #[test]
    fn variables_are_expanded_and_only_full_paths_taken() {
        assert_eq!(
            save_dir("$HOME/Notes2", &env),
            Ok("/home/lan/Notes2".into())
        );
        assert_eq!(
            save_dir("${XDG_DOCUMENTS_DIR}/tin", &env),
            Ok("/home/lan/Tài liệu/tin".into())
        );
        assert_eq!(save_dir("~/Downloads", &env), Ok("~/Downloads".into()));
        assert_eq!(save_dir("/srv/a$/b", &env), Ok("/srv/a$/b".into()));
        let e = save_dir("$NOPE/x", &env).unwrap_err();
        assert!(e.contains("$NOPE, which is not set"), "{e}");
        let e = save_dir("${HOME/x", &env).unwrap_err();
        assert!(e.contains("not closed"), "{e}");
        for relative in ["Notes", "./Notes", "~lan/Notes", "$NOTHING_SET_HERE"] {
            let e = save_dir(relative, &|_| Some("Notes".into())).unwrap_err();
            assert!(e.contains("must be a full path"), "{relative}: {e}");
        }
        let e = save_dir("~/Notes\nmore", &env).unwrap_err();
        assert!(e.contains("control character"), "{e}");
    }
}
