//! The sidebar pane: the sources with unread/total counts, or the keywords
//! with counts, a filter box, the open article's keywords highlighted, the
//! active filter ticked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::list::visible_offset;
use super::{is_focused, pane_block};
use crate::text::fold::title_key;
use crate::text::width::{pad, truncate, width};
use crate::tui::config::Config;
use crate::tui::state::input::visible;
use crate::tui::state::layout::inner_height;
use crate::tui::state::sidebar::Section;
use crate::tui::state::{AppState, Focus, InputKind};
use crate::tui::ui::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    if state.sidebar.section == Section::Sources {
        return draw_sources(frame, area, state, cfg);
    }
    let s = &state.sidebar;
    let focused = is_focused(state, Focus::Sidebar);
    let block = pane_block(" Keywords ".to_string(), focused, cfg);
    let w = area.width.saturating_sub(2) as usize;
    let mut h = inner_height(area.height);
    let active: Vec<String> = state
        .list
        .filter
        .keywords
        .iter()
        .map(|k| title_key(k))
        .collect();
    let open: Vec<String> = state
        .reader
        .article()
        .map(|a| a.keywords.iter().map(|k| title_key(&k.name)).collect())
        .unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    h = h.saturating_sub(filter_line(
        frame,
        area,
        state,
        cfg,
        InputKind::KeywordFilter,
        &s.query,
        &mut lines,
    ));
    if s.keywords.is_empty() {
        muted(&mut lines, "No keywords yet", w, cfg);
    } else if s.visible.is_empty() {
        muted(&mut lines, "No keyword matches", w, cfg);
    }
    let offset = visible_offset(s.selected, s.offset, h);
    for (row, &k) in s.visible.iter().enumerate().skip(offset).take(h) {
        let (name, count) = &s.keywords[k];
        let key = title_key(name);
        let mark = if active.contains(&key) { "✓" } else { " " };
        let count = count.to_string();
        let name_w = w.saturating_sub(width(&count) + 2);
        let text = pad(
            &format!("{mark}{} {count}", pad(&truncate(name, name_w), name_w)),
            w,
        );
        let mut style = if open.contains(&key) {
            cfg.theme.style(Role::Keyword)
        } else {
            cfg.theme.style(Role::Body)
        };
        if row == s.selected && focused {
            style = style.patch(cfg.theme.style(Role::Selected));
        }
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A note in place of the list, wrapped to the pane: cut, "No sources
/// yet: doc…" lost the command it gives (a tester's report).
fn muted(lines: &mut Vec<Line>, text: &str, w: usize, cfg: &Config) {
    for l in crate::text::wrap_line(text, w.max(1)) {
        lines.push(Line::styled(l, cfg.theme.style(Role::Muted)));
    }
}

/// The filter's line atop the sidebar's list: the prompt being typed in
/// (`kind`), with the terminal's cursor, else the filter `kept` if any.
/// The rows it takes (0 or 1).
fn filter_line(
    frame: &mut Frame,
    area: Rect,
    state: &AppState,
    cfg: &Config,
    kind: InputKind,
    kept: &str,
    lines: &mut Vec<Line>,
) -> usize {
    let w = area.width.saturating_sub(2) as usize;
    if let Some(input) = state.input.as_ref().filter(|i| i.kind == kind) {
        // The part around the cursor, and the terminal's cursor in it.
        let (text, col) = visible(input, w.saturating_sub(1));
        lines.push(Line::styled(
            format!("/{text}"),
            cfg.theme.style(Role::Title),
        ));
        if w > 0 {
            let x = (1 + col).min(w - 1) as u16;
            frame.set_cursor_position((area.x + 1 + x, area.y + 1));
        }
        return 1;
    }
    if kept.is_empty() {
        return 0;
    }
    lines.push(Line::styled(
        truncate(&format!("/{kept}"), w),
        cfg.theme.style(Role::Title),
    ));
    1
}

/// Each feed, then each site of saved pages: `unread/total`, the unread
/// ones stressed, the source filtered by ticked.
fn draw_sources(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let s = &state.sidebar;
    let focused = is_focused(state, Focus::Sidebar);
    let block = pane_block(" Sources ".to_string(), focused, cfg);
    let w = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let h = inner_height(area.height).saturating_sub(filter_line(
        frame,
        area,
        state,
        cfg,
        InputKind::SourceFilter,
        &s.source_query,
        &mut lines,
    ));
    let shown = s.source_rows();
    if s.sources.is_empty() {
        muted(&mut lines, "No sources yet: docbao feed add URL", w, cfg);
    } else if shown.is_empty() {
        muted(&mut lines, "No source matches", w, cfg);
    }
    let active = state.list.filter.source.as_ref();
    let offset = visible_offset(s.source_row().unwrap_or(0), s.source_offset, h);
    // The title keys of the sources a detail tells apart (few: feeds of
    // one title), to find each one's namesakes.
    let keys: Vec<Option<String>> = s
        .sources
        .iter()
        .map(|src| src.detail.as_ref().map(|_| title_key(&src.name)))
        .collect();
    for &row in shown.iter().skip(offset).take(h) {
        let src = &s.sources[row];
        // A feed whose last update failed: `!` (the status line says why).
        let mark = if Some(&src.source) == active {
            "✓"
        } else if src.error.is_some() {
            "!"
        } else {
            " "
        };
        let name = if src.name.is_empty() {
            "(no site)"
        } else {
            src.name.as_str()
        };
        let others: Vec<&str> = match &keys[row] {
            Some(key) => s
                .sources
                .iter()
                .zip(&keys)
                .enumerate()
                .filter(|&(i, (_, k))| i != row && k.as_ref() == Some(key))
                .filter_map(|(_, (o, _))| o.detail.as_deref())
                .collect(),
            None => Vec::new(),
        };
        let detail = src.detail.as_deref().map(|d| (d, others.as_slice()));
        let full = width(name) + src.detail.as_deref().map_or(0, |d| width(d) + 1);
        let count = counts(src.unread, src.total, w, full);
        let name_w = w.saturating_sub(width(&count) + 2);
        // Names that would be cut to the same text ("Dân trí - Sức khỏe",
        // "Dân trí - Sức mạnh số") keep where they differ.
        let cut = truncate(name, name_w);
        let alike: Vec<&str> = match (&detail, width(name) > name_w) {
            (None, true) => (s.sources.iter())
                .map(|o| o.name.as_str())
                .filter(|o| *o != name && truncate(o, name_w) == cut)
                .collect(),
            _ => Vec::new(),
        };
        let shown = match alike.is_empty() {
            true => with_detail(name, detail, name_w),
            false => distinct_name(name, &alike, name_w),
        };
        let text = pad(&format!("{mark}{} {count}", pad(&shown, name_w)), w);
        let mut style = if src.error.is_some() {
            cfg.theme.style(Role::Error)
        } else if src.unread > 0 {
            cfg.theme.style(Role::Unread)
        } else {
            cfg.theme.style(Role::Muted)
        };
        if row == s.source_selected && focused {
            style = style.patch(cfg.theme.style(Role::Selected));
        }
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A source's `unread/total` in a row `w` columns wide beside its mark
/// and its name (with its detail), `name` columns: the name has the room
/// it needs first. The first of these forms that leaves it whole: the
/// counts grouped by thousands as the list's title groups them
/// ("2.651/2.653"); both in thousands, rounded down ("2k/2k", "35k/35k",
/// "0/35k", "999/35k"); the unread count alone, so ("35k"), when the
/// total is in thousands. Which one is chosen with every article unread
/// (an unread count under a thousand beside a total in thousands may take
/// a column more, "884/2k"): reading never changes a source's form ("36k/36k", then "0/35.440" once read, a
/// tester's report, beside "dantri… 2.651/2.653"). When none leaves the
/// name whole, both in thousands if that leaves it half the row, else the
/// unread count alone.
fn counts(unread: i64, total: i64, w: usize, name: usize) -> String {
    use crate::text::layout::group_thousands;
    let full = |u: i64, t: i64| format!("{}/{}", group_thousands(u), group_thousands(t));
    let thousands = |n: i64| match n {
        n if n >= 1000 => format!("{}k", group_thousands(n / 1000)),
        n => n.to_string(),
    };
    let both = |u: i64, t: i64| format!("{}/{}", thousands(u), thousands(t));
    // The name's room beside counts this wide (the mark and a space).
    let room = |counts: String| w.saturating_sub(width(&counts) + 2);
    if room(full(total, total)) >= name {
        return full(unread, total);
    }
    let (both_room, alone_room) = (room(both(total, total)), room(thousands(total)));
    // The total goes only when in thousands it is still too wide: feeds of
    // 30 articles keep "30/30" beside a name cut, as their neighbours do.
    let alone = total >= 1000 && alone_room >= name;
    if both_room >= name || (!alone && both_room >= w / 2) {
        return both(unread, total);
    }
    thousands(unread)
}

/// A source's name in `w` columns, followed by what tells it from the
/// others of the same name when there are some (`detail`: its own, and
/// theirs): the detail keeps up to half the width, the name is cut first.
fn with_detail(name: &str, detail: Option<(&str, &[&str])>, w: usize) -> String {
    let Some((detail, others)) = detail else {
        return truncate(name, w);
    };
    // The name is cut first, to half the width.
    let room = (w / 2).max(w.saturating_sub(width(name) + 1));
    let detail = distinct(detail, others, room);
    let name_w = w.saturating_sub(width(&detail) + 1);
    format!("{} {detail}", truncate(name, name_w))
}

/// `detail` in `w` columns, keeping where it differs from the `others`:
/// cut at its end when what it shares with them from the start still
/// leaves the first differing character in view, and a little after it; else from the label
/// (`.`, `-`, `_`, `/`) where that difference is, behind a `…`
/// ("vnexpress-tin-moi-nhat-2.rss" beside "vnexpress-tin-moi-nhat.rss":
/// "…nhat-2.rss"), or from the difference itself in a long label.
fn distinct(detail: &str, others: &[&str], w: usize) -> String {
    if width(detail) <= w {
        return detail.to_string();
    }
    let shared = shared_start(detail, others);
    // The first differing character (or the end, when the detail is all
    // shared) stays in view, and the "…" cutting the rest.
    let seen = |from: usize, after: usize| {
        let upto = detail[shared..]
            .chars()
            .next()
            .map_or(detail.len(), |c| shared + c.len_utf8());
        width(&detail[from..upto]) + usize::from(from > 0) + 1 + after <= w
    };
    let after = if shared < detail.len() { 2 } else { 0 };
    if seen(0, after) {
        return truncate(detail, w);
    }
    // A detail all shared shows its last label.
    let at = if shared == detail.len() {
        detail[..shared]
            .trim_end_matches(['.', '-', '_', '/'])
            .len()
    } else {
        shared
    };
    let label = detail[..at]
        .rfind(['.', '-', '_', '/'])
        .map_or(0, |i| i + 1);
    // The label when it leaves a little of what follows the difference.
    let from = if seen(label, after) { label } else { at };
    truncate(&format!("…{}", &detail[from..]), w)
}

/// The bytes `s` shares from its start with the most alike of `others`.
fn shared_start(s: &str, others: &[&str]) -> usize {
    others
        .iter()
        .map(|o| {
            s.char_indices()
                .zip(o.chars())
                .find(|((_, a), b)| a != b)
                .map_or_else(|| s.len().min(o.len()), |((i, _), _)| i)
        })
        .max()
        .unwrap_or(0)
}

/// A name in `w` columns that others would be cut to the same text as
/// (`others`): from the word where it differs from them, behind a `…`
/// ("…Sức khỏe" beside "…Sức mạnh số"), unless cut at its end it shows
/// that difference and a little after it.
fn distinct_name(name: &str, others: &[&str], w: usize) -> String {
    let shared = shared_start(name, others);
    // The difference and two columns after it, in view when cut at the end.
    if width(&name[..shared]) + 4 <= w {
        return truncate(name, w);
    }
    // The word the difference is in, or the last shared one before it.
    let from = name[..shared].trim_end().rfind(' ').map_or(0, |i| i + 1);
    let from = if width(&name[from..shared]) + 4 <= w {
        from
    } else {
        shared
    };
    truncate(&format!("…{}", &name[from..]), w)
}

#[cfg(test)]
mod tests {
    use super::{distinct, distinct_name, with_detail};
    use crate::text::width::width;

    #[test]
    fn the_detail_stays_and_the_name_is_cut() {
        let other: &[&str] = &["127.0.0.1"];
        assert_eq!(with_detail("Báo Một", None, 20), "Báo Một");
        assert_eq!(
            with_detail("Báo Một", Some(("localhost", other)), 20),
            "Báo Một localhost"
        );
        let cut = with_detail(
            "Tin mới nhất - VnExpress RSS",
            Some(("localhost", other)),
            15,
        );
        assert!(cut.starts_with("Tin m") && width(&cut) <= 15, "{cut}");
        assert!(cut.contains(" localh"), "{cut}");
        let narrow = with_detail("Tin mới nhất", Some(("e.vnexpress.net", other)), 10);
        assert!(width(&narrow) <= 10, "{narrow}");
    }

    #[test]
    fn names_cut_alike_keep_where_they_differ() {
        let (a, b) = ("Dân trí - Sức khỏe", "Dân trí - Sức mạnh số");
        assert_eq!(distinct_name(a, &[b], 14), "…Sức khỏe");
        assert_eq!(distinct_name(b, &[a], 14), "…Sức mạnh số");
        let (c, d) = ("Dân trí - Thế giới", "Dân trí - Thể thao");
        assert_eq!(distinct_name(c, &[d], 12), "…Thế giới");
        assert_eq!(distinct_name(d, &[c], 12), "…Thể thao");
        // Room for the difference at the end: cut there.
        assert_eq!(distinct_name(b, &[a], 18), "Dân trí - Sức mạn…");
        // A long word: from the difference itself.
        let (e, f) = (
            "Tin Nhanhnhanhnhanh-thời-sự",
            "Tin Nhanhnhanhnhanh-thế-giới",
        );
        assert_eq!(distinct_name(e, &[f], 8), "…ời-sự");
        for w in 4..30 {
            assert!(width(&distinct_name(a, &[b], w)) <= w, "{w}");
        }
    }

    #[test]
    fn the_detail_keeps_where_it_differs() {
        let a = "vnexpress-tin-moi-nhat.rss";
        let b = "vnexpress-tin-moi-nhat-2.rss";
        assert_eq!(distinct(a, &[b], 12), "…nhat.rss");
        assert_eq!(distinct(b, &[a], 12), "…nhat-2.rss");
        assert_eq!(distinct(b, &[a], 6), "…-2.r…");
        assert_eq!(distinct(a, &[b], 6), "….rss");
        assert_eq!(distinct(a, &[b], 7), "….rss");
        assert_eq!(distinct(b, &[a], 7), "…-2.rss");
        assert_eq!(
            distinct("vnexpress.net", &["vnexpress.net.example.org"], 6),
            "…net"
        );
        assert_eq!(
            distinct("vnexpress.net.example.org", &["vnexpress.net"], 10),
            "…net.exam…"
        );
        assert_eq!(distinct("e.vnexpress.net", &["vnexpress.net"], 6), "e.vne…");
        assert_eq!(distinct(a, &[b], 40), a);
    }
}
