//! The status line: where you are, the filter, and key hints or a message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text::layout::group_count;
use crate::text::url::elide_url;
use crate::text::width::{pad, truncate, width};
use crate::tui::action::Action;
use crate::tui::config::Config;
use crate::tui::state::input::visible;
use crate::tui::state::reader::Shown;
use crate::tui::state::sidebar::{Section, source_label};
use crate::tui::state::{AppState, Focus, InputKind, Status};
use crate::tui::ui::theme::Role;

/// Hints shown per pane, in order, each with its rank: when the line is
/// short the highest ranks go first (of one rank, the first first), so that
/// the way out (`Esc`, `q`) stays (at 80 columns the reader's `q quit` and
/// `Esc list` fell off), and `? help`, which tells every other key, stays
/// last (at 40 columns it went before `Enter open`, and in the reader
/// before `q quit`: an independent review's find).
fn hint_actions(focus: Focus) -> &'static [(Action, &'static str, u8)] {
    match focus {
        Focus::List => &[
            (Action::Open, "open", 2),
            (Action::Help, "help", 0),
            (Action::NextUnread, "next unread", 4),
            (Action::ToggleBookmark, "save", 6),
            (Action::ToggleSidebar, "sidebar", 5),
            (Action::Quit, "quit", 1),
        ],
        Focus::Reader => &[
            (Action::ReadOn, "page", 2),
            (Action::Help, "help", 0),
            (Action::NextLink, "links", 5),
            (Action::NextArticle, "next", 4),
            (Action::ToggleMaximize, "full", 6),
            (Action::Back, "list", 1),
            (Action::Quit, "quit", 1),
        ],
        Focus::Sidebar => &[
            (Action::Open, "filter", 2),
            (Action::FilterKeywords, "find", 3),
            (Action::ClearFilter, "clear", 5),
            (Action::Back, "list", 1),
            (Action::Help, "help", 0),
            (Action::Quit, "quit", 1),
        ],
    }
}

/// What `]` steps through in the article shown: its links, else its
/// related stories, else its keyword chips (`None`: nothing).
fn targets_label(state: &AppState) -> Option<&'static str> {
    let shown = state.reader.shown.as_ref()?;
    if !shown.links().is_empty() {
        Some("links")
    } else if !shown.related().is_empty() {
        Some("related")
    } else if !shown.keywords().is_empty() {
        Some("keywords")
    } else {
        None
    }
}

/// The hints (`text`, rank) that fit in `room` cells, two spaces apart, in
/// their order: the highest ranked dropped first.
fn fit_hints(mut hints: Vec<(String, u8)>, room: usize) -> String {
    let joined = |h: &[(String, u8)]| {
        h.iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join("  ")
    };
    while width(&joined(&hints)) > room && !hints.is_empty() {
        hints.remove(worst_hint(&hints));
    }
    joined(&hints)
}

/// The hint dropped first: the first of the highest rank.
fn worst_hint(hints: &[(String, u8)]) -> usize {
    (0..hints.len())
        .rev()
        .max_by_key(|&i| hints[i].1)
        .unwrap_or(0)
}

/// The hint that goes last (`? help`), with the two spaces before it: the
/// room the place leaves it.
fn last_hint_room(hints: &[(String, u8)]) -> usize {
    let mut hints = hints.to_vec();
    while hints.len() > 1 {
        hints.remove(worst_hint(&hints));
    }
    hints.first().map_or(0, |(t, _)| width(t) + 2)
}

/// A feed update under way, as the status line says it.
pub fn update_progress(done: usize, total: usize) -> String {
    if total == 0 {
        "Updating the feeds…".to_string()
    } else {
        let s = if total == 1 { "" } else { "s" };
        format!(
            "Updating {}/{} feed{s}…",
            group_count(done),
            group_count(total)
        )
    }
}

pub fn position_text(state: &AppState) -> String {
    let mut parts = Vec::new();
    match state.focus {
        Focus::Reader if state.reader.is_open() && state.search.is_some() => {
            let s = state.search.as_ref().map_or((None, String::new()), |s| {
                let id = state.reader.article_id();
                let i = s.hits.iter().position(|h| Some(h.id) == id);
                (i, s.count_label())
            });
            let place =
                s.0.map(|i| format!("Result {} of {}", result_group_count(i), s.1));
            parts.push(reader_place(state, place));
            parts.push(format!("{}%", state.reader.percent()));
        }
        // The results take the list's place: where the selection is in them.
        Focus::List if state.search.is_some() => {
            if let Some(s) = &state.search {
                let n = match s.hits.is_empty() {
                    true => "0".to_string(),
                    false => result_group_count(s.selected),
                };
                parts.push(format!("Result {n} of {}", s.count_label()));
            }
        }
        Focus::Reader if state.reader.is_open() => {
            let id = state.reader.article_id();
            let i = id
                .and_then(|id| state.list.rows.iter().position(|r| r.id == id))
                .map(|i| state.list.base + i);
            let place = i.map(|i| format!("Article {} of {}", result_group_count(i), total(state)));
            parts.push(reader_place(state, place));
            parts.push(format!("{}%", state.reader.percent()));
        }
        Focus::Sidebar if state.sidebar.section == Section::Sources => {
            // Among the sources the filter lets through.
            let n = state.sidebar.source_rows().len();
            let row = state.sidebar.source_row();
            let selected = row.and(state.sidebar.sources.get(state.sidebar.source_selected));
            // Its whole name: the sidebar may show only its end.
            let name = selected
                .map(|s| {
                    let label = source_label(&state.sidebar, &s.source);
                    format!(": {}", crate::text::clean(&label))
                })
                .unwrap_or_default();
            parts.push(format!(
                "Source {} of {}{name}",
                group_count(row.map_or(0, |r| r + 1)),
                group_count(n)
            ));
            // A feed marked `!`: why its last update failed.
            if let Some(error) = source_failure(state) {
                parts.push(format!("{FAILED}{error}"));
            }
        }
        Focus::Sidebar => {
            let n = state.sidebar.visible.len();
            parts.push(format!(
                "Keyword {} of {}",
                group_count((state.sidebar.selected + 1).min(n)),
                group_count(n)
            ));
        }
        _ => {
            let n = if state.list.rows.is_empty() {
                "0".to_string()
            } else {
                result_group_count(state.list.absolute())
            };
            parts.push(format!("Article {n} of {}", total(state)));
        }
    }
    // The list's source, unless the sources' cursor names it already.
    let named = state.focus == Focus::Sidebar
        && state.sidebar.section == Section::Sources
        && (state.sidebar.selected_source())
            .is_some_and(|s| Some(s) == state.list.filter.source.as_ref());
    if let Some(source) = state.list.filter.source.as_ref().filter(|_| !named) {
        parts.push(crate::tui::state::sidebar::source_label(
            &state.sidebar,
            source,
        ));
    }
    if !state.list.filter.keywords.is_empty() {
        parts.push(format!(
            "keyword: {}",
            state.list.filter.keywords.join(" + ")
        ));
    }
    if state.list.filter.unread {
        parts.push("unread only".into());
    }
    if state.list.filter.bookmarked {
        parts.push("bookmarks".into());
    }
    // The update's progress, when a message takes its place on the right.
    if let (Some((done, total)), Some(_)) = (state.updating, &state.status) {
        parts.push(format!(
            "updating {}/{}",
            group_count(done),
            group_count(total)
        ));
    }
    // A sync under way, once a key has taken its message away (a sync has
    // no count to show on the right, as an update has).
    let saying_sync = (state.status.as_ref()).is_some_and(|m| m.text.starts_with("Sync"));
    if state.syncing && !saying_sync {
        parts.push("syncing".into());
    }
    if state.history.depth() > 0 {
        parts.push(format!("↶{}", state.history.depth()));
    }
    parts.join(" · ")
}

/// How the status line says why the selected feed's last update failed.
const FAILED: &str = "last update failed: ";

/// Why the feed selected in the sources sidebar failed its last update,
/// when it did.
fn source_failure(state: &AppState) -> Option<String> {
    if state.focus != Focus::Sidebar || state.sidebar.section != Section::Sources {
        return None;
    }
    let row = state.sidebar.source_row();
    let selected = row.and(state.sidebar.sources.get(state.sidebar.source_selected))?;
    selected.error.as_deref().map(crate::text::clean)
}

/// The place (`Source 3 of 4: name`), why the feed failed (`error`) and the
/// parts after it (`tail`, " · unread only"…) in `room` cells: the reason
/// before all the rest, its cause whole. What gives way, in turn: the
/// parts after it, the feed's address in its middle (down to a dozen
/// cells), the address, the name, "last update", the place. At 100
/// columns the reason was cut off for the key hints, shown only from 160
/// (an independent review's find).
fn fit_failure(head: &str, error: &str, tail: &str, room: usize) -> String {
    // "URL: cause", as the update writes it.
    let (url, cause) = match error.split_once(": ") {
        Some((url, cause)) if url.starts_with("http://") || url.starts_with("https://") => {
            (Some(url), cause)
        }
        _ => (None, error),
    };
    let (place, name) = head.split_once(": ").unwrap_or((head, ""));
    let fits = |s: &String| width(s) <= room;
    let whole = format!("{head} · {FAILED}{error}");
    let with_tail = format!("{whole}{tail}");
    if fits(&with_tail) {
        return with_tail;
    }
    if fits(&whole) {
        return whole;
    }
    if let Some(url) = url {
        let url_room = room.saturating_sub(width(&whole) - width(url));
        let short = format!("{head} · {FAILED}{}: {cause}", elide_url(url, url_room));
        if url_room >= 12 && fits(&short) {
            return short;
        }
    }
    let no_url = format!("{head} · {FAILED}{cause}");
    if fits(&no_url) {
        return no_url;
    }
    // The name cut to what is left, while a few letters of it show.
    for label in [FAILED, "failed: "] {
        let rest = format!(" · {label}{cause}");
        let name_room = room.saturating_sub(width(place) + 2 + width(&rest));
        let short = format!("{place}: {}{rest}", truncate(name, name_room));
        if !name.is_empty() && name_room >= 6 && fits(&short) {
            return short;
        }
    }
    [
        format!("{place} · failed: {cause}"),
        format!("failed: {cause}"),
    ]
    .into_iter()
    .find(fits)
    .unwrap_or_else(|| truncate(&format!("failed: {cause}"), room))
}

/// The articles in the list's view, thousands grouped ("35.440").
fn total(state: &AppState) -> String {
    crate::text::layout::group_thousands(state.list.total)
}

/// Result `i` (from 0) as the status line numbers it, its thousands
/// grouped as the count of results is ("Result 1.202 of 1.202"); an
/// article's place in the list too ("Article 1.202 of 35.440").
fn result_group_count(i: usize) -> String {
    crate::text::layout::group_thousands(i.saturating_add(1).min(i64::MAX as usize) as i64)
}

/// Where the article in the reader stands in the view: `place`, "Article
/// 3 of 20", when it has one. A related story followed out of the view has
/// no place in it: a story not in the store says so; a stored article
/// outside the view (or the window of it loaded) gives no number.
fn reader_place(state: &AppState, place: Option<String>) -> String {
    match (&state.reader.shown, place) {
        (Some(Shown::Stub(_)), _) => "Related story, not in the store".to_string(),
        (_, Some(place)) => place,
        (_, None) if state.history.depth() > 0 => "Related story".to_string(),
        (_, None) if state.search.is_some() => "Not among the results".to_string(),
        (_, None) => "Not in the list".to_string(),
    }
}

/// The place and filters (`position_text`) in `room` cells: whole parts
/// (" · ") while they fit, else the first part's whole words, then " …",
/// else nothing; never a number cut ("Article 6 of 2…" read as 2 articles
/// where there were 29: an independent review's find) nor a dangling "of".
fn cut_place(text: &str, room: usize) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let room = room.saturating_sub(2);
    // At least two words: "Article …" alone says nothing.
    let fits = |pieces: &[&str], sep: &str, least: usize| {
        (least..=pieces.len())
            .rev()
            .map(|n| pieces[..n].join(sep))
            .find(|s| width(s) <= room && !s.ends_with(" of") && !s.ends_with(" -"))
    };
    let parts: Vec<&str> = text.split(" · ").collect();
    let words: Vec<&str> = parts[0].split(' ').collect();
    match fits(&parts, " · ", 1).or_else(|| fits(&words, " ", 2)) {
        // No whole word of the name fits ("Source 3 of 3: …" for a name
        // written without spaces, 新华网…, a tester's report): its start,
        // cut by display width, unless it starts with a number.
        Some(kept) if kept.ends_with(':') => {
            let name = parts[0].get(kept.len()..).unwrap_or("").trim_start();
            let cut = truncate(name, (room + 2).saturating_sub(width(&kept) + 1));
            let digit = name.chars().next().is_some_and(|c| c.is_ascii_digit());
            match width(&cut) >= 2 && !digit {
                true => format!("{kept} {cut}"),
                false => format!("{kept} …"),
            }
        }
        Some(kept) => format!("{kept} …"),
        None => String::new(),
    }
}

/// The cells the status line gives the link a message ends with, after
/// the place (`left`, as drawn whole) and the message's words (`head`):
/// a dozen at least.
fn link_room(left: &str, head: &str, w: usize) -> usize {
    w.saturating_sub(width(left) + 2 + width(head)).max(12)
}

/// The link a message ends with (`y`, `o` over SSH), when the status line
/// shows it shortened: whole on the rows above the status line, `w`
/// columns each, from the first column, so that a terminal's copy mode
/// can take it (GNU screen passes no OSC 52 on, and README sends its users
/// to `C-a [`; the status line's `dantri.com.vn/…/…-19-…htm` could not be
/// copied: an independent review's find). The rows go with the message.
pub fn draw_link(frame: &mut Frame, status: Rect, state: &AppState, cfg: &Config) {
    let Some(Status {
        url: Some(url),
        text,
        ..
    }) = &state.status
    else {
        return;
    };
    let prompt = (state.input.as_ref())
        .is_some_and(|i| !matches!(i.kind, InputKind::KeywordFilter | InputKind::SourceFilter));
    let w = status.width as usize;
    let left = format!(" {} ", position_text(state));
    let head = text.strip_suffix(url.as_str()).unwrap_or(text);
    if state.confirm.is_some() || prompt || w == 0 || width(url) <= link_room(&left, head, w) {
        return;
    }
    let mut rows: Vec<String> = vec![String::new()];
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(url.as_str(), true) {
        if width(rows.last().map_or("", String::as_str)) + width(g) > w {
            rows.push(String::new());
        }
        if let Some(row) = rows.last_mut() {
            row.push_str(g);
        }
    }
    // Never over the whole screen (an address of kilobytes): its end cut.
    let most = status.y.saturating_sub(frame.area().y) as usize;
    if rows.len() > most {
        rows.truncate(most);
        if let Some(last) = rows.last_mut() {
            *last = truncate(&format!("{last}…"), w);
        }
    }
    let area = Rect {
        x: status.x,
        y: status.y - rows.len() as u16,
        width: status.width,
        height: rows.len() as u16,
    };
    let style = cfg.theme.style(Role::Status);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|r| Line::from(Span::styled(pad(&r, w), style)))
        .collect();
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(lines), area);
}

/// The cells a prompt leaves its text at least, or it drops its hints.
const PROMPT_TEXT_ROOM: usize = 40;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let w = area.width as usize;
    if let Some(input) = state
        .input
        .as_ref()
        .filter(|i| !matches!(i.kind, InputKind::KeywordFilter | InputKind::SourceFilter))
    {
        // The text box takes the whole line; the part around the cursor
        // stays visible, and the terminal's cursor stands in it.
        // The label with its hints when they leave the text room, else
        // its short form (at 80 columns the hints took half the line).
        let find = format!(
            " Find in article (Enter keeps, then {}/{}; Esc back): /",
            state.keys.next_match, state.keys.prev_match
        );
        let (long, short) = match input.kind {
            InputKind::Search => (" Search (↑↓ pick, Enter opens, Esc back): /", " Search: /"),
            InputKind::Find => (find.as_str(), " Find: /"),
            InputKind::Pipe => (" Pipe the article as Markdown to (sh -c): ", " Pipe to: "),
            InputKind::WritePath => (" Write the article as Markdown to: ", " Write to: "),
            _ => (" Save page (Enter saves, Esc cancels): ", " Save page: "),
        };
        // The label whole: the long one where it fits in half the line and
        // leaves the text room, else the short one while the line holds it
        // and a cell for the cursor. Cut at half the line, the long one hid
        // its "/" from about 93 to 107 columns, the short one below 16 (two
        // independent reviews' finds).
        let prompt = if w.saturating_sub(width(long)) >= PROMPT_TEXT_ROOM && width(long) <= w / 2 {
            long.to_string()
        } else {
            truncate(short, w.saturating_sub(1))
        };
        let room = w.saturating_sub(width(&prompt));
        let (text, col) = visible(input, room);
        // A text offered again shows selected (typing replaces it), in the
        // find's own colours: the `selected` style is the label's
        // (`status`) by default, and the text would read as part of it.
        let text = match input.selected {
            true => Span::styled(text, cfg.theme.style(Role::Match)),
            false => Span::raw(text),
        };
        let line = Line::from(vec![
            Span::styled(prompt.clone(), cfg.theme.style(Role::Status)),
            text,
        ]);
        frame.render_widget(Paragraph::new(line), area);
        let x = (width(&prompt) + col).min(w.saturating_sub(1));
        frame.set_cursor_position((area.x + x as u16, area.y));
        return;
    }
    let left = format!(" {} ", position_text(state));
    // The key hints with their ranks, when the line shows them.
    let mut hints: Vec<(String, u8)> = Vec::new();
    let right = match (&state.status, state.updating) {
        // Shortened to the line (a space either side), its keys kept.
        _ if state.confirm.is_some() => state
            .confirm
            .as_ref()
            .map(|c| c.question_in(w.saturating_sub(2)))
            .unwrap_or_default(),
        (Some(msg), _) => msg.text.clone(),
        (None, Some((done, total))) => update_progress(done, total),
        (None, None) if state.input.is_some() => {
            "type to filter · Enter keep · Esc drop".to_string()
        }
        (None, None) => {
            let ctx = state.focus.context();
            for (action, label, rank) in hint_actions(state.focus) {
                // Maximised, the same key brings the panes back.
                let label = match action {
                    Action::ToggleMaximize if state.maximized => "panes",
                    // What `/` filters: the list the sidebar shows.
                    Action::FilterKeywords if state.sidebar.section == Section::Sources => {
                        "find source"
                    }
                    Action::FilterKeywords => "find keyword",
                    // What `]` picks in this article, if anything.
                    Action::NextLink => match targets_label(state) {
                        Some(what) => what,
                        None => continue,
                    },
                    _ => label,
                };
                if let Some(k) = cfg.keymap.hint(ctx, *action) {
                    hints.push((format!("{k} {label}"), *rank));
                }
            }
            fit_hints(hints.clone(), usize::MAX)
        }
    };
    // A message ending with a web address: the address gives way in its
    // middle (down to a dozen columns), so that the place stays.
    let right = match &state.status {
        Some(Status {
            url: Some(url),
            text,
            ..
        }) if state.confirm.is_none() => {
            let head = text.strip_suffix(url.as_str()).unwrap_or(text);
            format!("{head}{}", elide_url(url, link_room(&left, head, w)))
        }
        _ => right,
    };
    let style = cfg.theme.style(Role::Status);
    let failure =
        source_failure(state).filter(|_| state.confirm.is_none() && state.updating.is_none());
    // A message comes before the position: that is cut first.
    // Cut, it keeps a space before the message.
    let left = match &state.status {
        Some(_) if width(&left) + width(&right) + 1 > w => {
            let cut = cut_place(left.trim(), w.saturating_sub(width(&right) + 3));
            // A stub ("…", " A…") says nothing: a space only.
            if width(cut.trim()) < 4 {
                " ".to_string()
            } else {
                format!(" {cut} ")
            }
        }
        Some(_) => left,
        // Why the selected feed failed, before the hints.
        None if failure.is_some() => {
            let error = failure.unwrap_or_default();
            let place = left.trim();
            let marker = format!(" · {FAILED}{error}");
            let (head, tail) = place.split_once(&marker).unwrap_or((place, ""));
            format!(" {} ", fit_failure(head, &error, tail, w.saturating_sub(2)))
        }
        // Cut, it keeps a space before the hints (at 29 columns "… 29
        // …Enter open" ran into them: a review's find), and room for the
        // last of them (at 40 columns the sources had no hint at all).
        None if width(&left) + last_hint_room(&hints) > w => {
            let room = w.saturating_sub(2 + last_hint_room(&hints));
            format!(" {} ", cut_place(left.trim(), room))
        }
        None => left,
    };
    let room = w.saturating_sub(width(&left) + 1);
    let right = if width(&right) <= room {
        right
    } else if state.status.is_some() || state.updating.is_some() {
        truncate(&right, room)
    } else {
        // Drop hints, the least needed first, rather than cut one in half.
        fit_hints(hints, room)
    };
    let gap = w.saturating_sub(width(&left) + width(&right) + 1);
    let right_style = match &state.status {
        Some(m) if m.error => style.patch(cfg.theme.style(Role::Error)),
        _ => style,
    };
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(gap), style),
        Span::styled(pad(&right, width(&right) + 1), right_style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
