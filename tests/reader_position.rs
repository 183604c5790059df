//! The reading position to the line: a paragraph and the offset, in
//! characters, of the top line's first character inside it. Pure tests of
//! the layout's offsets and of the line a position restores to, at several
//! widths, and `update` tests of a resize keeping the words at the top, on a
//! real article of one long paragraph (Dân trí, 3,400 words).

use docbao::model::{Article, ArticleId, Position};
use docbao::store::Store;
use docbao::text::layout::{LaidLine, Role, layout_article, meta_line};
use docbao::tui::action::Action;
use docbao::tui::config::Config;
use docbao::tui::event::Event;
use docbao::tui::state::{AppState, Focus, ReaderState};
use docbao::tui::update::{handle, update};

const WIDTHS: [usize; 6] = [17, 30, 43, 60, 80, 131];

/// The Dân trí interview whose 87 paragraphs the fixture joins into one.
fn long_article() -> Article {
    let mut store = Store::open_in_memory().unwrap();
    for a in
        docbao::ingest::jsonl::parse_jsonl(include_str!("fixtures/long-paragraph-dantri.jsonl"))
    {
        store.import(&a.unwrap()).unwrap();
    }
    let a = store.article(ArticleId(1)).unwrap();
    assert_eq!(a.paragraphs.len(), 1, "one paragraph");
    assert!(a.paragraphs[0].text.chars().count() > 15_000);
    a
}

/// The sample page: a header with a lead, captions, keywords, related stories.
fn sample_article() -> Article {
    let mut store = Store::open_in_memory().unwrap();
    let page =
        docbao::ingest::page_text::parse_page_text(include_str!("fixtures/dan-van-2021-03-05.txt"))
            .unwrap();
    store.import(&page).unwrap();
    store.article(ArticleId(1)).unwrap()
}

/// `text`'s characters from `offset`, as many as `line` has.
fn at(text: &[char], offset: usize, line: &str) -> String {
    text.iter()
        .skip(offset)
        .take(line.chars().count())
        .collect()
}

#[test]
fn each_line_of_a_long_paragraph_starts_at_its_offset() {
    let a = long_article();
    let para: Vec<char> = a.paragraphs[0].text.chars().collect();
    for w in WIDTHS {
        let lines: Vec<LaidLine> = layout_article(&a, w)
            .into_iter()
            .filter(|l| l.anchor == 1 && l.role == Role::Body)
            .collect();
        assert!(lines.len() * w > para.len(), "width {w}: every line");
        assert_eq!(lines[0].offset, 0, "width {w}");
        assert!(
            lines.windows(2).all(|p| p[0].offset < p[1].offset),
            "width {w}: offsets grow"
        );
        for l in &lines {
            assert_eq!(at(&para, l.offset, &l.text), l.text, "width {w}");
        }
        // The last line ends the paragraph.
        let last = lines.last().unwrap();
        assert_eq!(last.offset + last.text.chars().count(), para.len());
    }
}

/// The header block counts the title, the meta line and the lead one after
/// the other (a line break between the first two, a blank line before the
/// lead); a caption's offset leaves out its indent.
#[test]
fn header_and_caption_offsets_count_their_own_text() {
    let mut store = Store::open_in_memory().unwrap();
    for a in docbao::ingest::jsonl::parse_jsonl(include_str!("fixtures/dantri-30-head3.jsonl")) {
        store.import(&a.unwrap()).unwrap();
    }
    let a = store.article(ArticleId(1)).unwrap();
    let lead = a.lead.clone().expect("a Dân trí article has a lead");
    let header: Vec<char> = format!("{}\n{}\n\n{lead}", a.title, meta_line(&a))
        .chars()
        .collect();
    let a_with_captions = sample_article();
    let caption = a_with_captions
        .paragraphs
        .iter()
        .position(|p| p.kind == docbao::model::ParagraphKind::Caption)
        .unwrap();
    let caption_text: Vec<char> = a_with_captions.paragraphs[caption].text.chars().collect();
    for w in WIDTHS {
        let lines = layout_article(&a, w);
        let head: Vec<&LaidLine> = lines.iter().filter(|l| l.anchor == 0).collect();
        assert!(head.iter().any(|l| l.role == Role::Lead));
        for l in head.iter().filter(|l| l.role != Role::Blank) {
            assert_eq!(at(&header, l.offset, &l.text), l.text, "width {w}");
        }
        for l in layout_article(&a_with_captions, w)
            .iter()
            .filter(|l| l.anchor == caption + 1 && l.role == Role::Caption)
        {
            let text = l.text.strip_prefix("  ").unwrap_or(&l.text);
            assert_eq!(at(&caption_text, l.offset, text), text, "width {w}");
        }
    }
}

/// A reader laid out at `width`, `height` lines high.
fn laid_out(a: &Article, pos: Position, width: usize, height: usize) -> ReaderState {
    let mut r = ReaderState::default();
    r.open(a.clone(), pos);
    r.ensure_layout(width, height);
    r
}

/// The line `top` of `r` holds `pos`: its paragraph, starting at or before
/// the offset, the next line of the paragraph after it.
fn holds(r: &ReaderState, line: usize, pos: Position) -> bool {
    let l = &r.lines[line];
    l.anchor == pos.paragraph
        && l.offset <= pos.offset
        && r.lines
            .get(line + 1)
            .is_none_or(|n| n.anchor != pos.paragraph || n.offset > pos.offset)
}

#[test]
fn a_position_taken_at_one_width_finds_its_line_at_every_width() {
    let a = long_article();
    let readers: Vec<ReaderState> = WIDTHS
        .iter()
        .map(|&w| laid_out(&a, Position::default(), w, 2))
        .collect();
    for (i, r) in readers.iter().enumerate() {
        let mut r = r.clone();
        // Every fifth line with text, the header's and the paragraph's (the
        // keyword chips that follow are laid out as whole chips).
        let tops: Vec<usize> = (0..r.lines.len())
            .filter(|&t| !r.lines[t].text.is_empty() && r.lines[t].anchor <= 1)
            .step_by(5)
            .collect();
        assert!(tops.len() > 20, "width {}", WIDTHS[i]);
        for t in tops {
            r.scroll_to(t);
            let pos = r.position();
            let first_word = r.lines[t].text.split(' ').next().unwrap().to_string();
            for (j, other) in readers.iter().enumerate() {
                let line = other.line_of(pos).unwrap();
                assert!(
                    holds(other, line, pos),
                    "{pos:?} from width {} at width {}: line {line} {:?}",
                    WIDTHS[i],
                    WIDTHS[j],
                    other.lines[line]
                );
                // The words that were at the top are on that line.
                assert!(
                    other.lines[line].text.contains(&first_word),
                    "{first_word:?} not on {:?}",
                    other.lines[line].text
                );
                if j == i {
                    assert_eq!(line, t, "the same line at the same width");
                }
            }
        }
    }
}

/// The blank line before a paragraph and the header's first line come back
/// as before: a paragraph's start shows its first line of text.
#[test]
fn a_paragraph_start_resumes_on_its_text() {
    let a = sample_article();
    let r = laid_out(&a, Position::at(2), 40, 10);
    assert_eq!(r.lines[r.top].anchor, 2);
    assert!(!r.lines[r.top].text.is_empty());
    assert!(r.lines[r.top - 1].text.is_empty(), "past the blank line");
    assert_eq!(laid_out(&a, Position::at(0), 40, 10).top, 0);
    // A paragraph the article no longer has: the next block, else the top.
    let past = Position {
        paragraph: 999,
        offset: 5,
    };
    assert_eq!(laid_out(&a, past, 40, 10).line_of(past), None);
}

/// The reader, opened on the long article in a pane of `w`×`h`.
fn reading(w: u16, h: u16, max_width: usize) -> AppState {
    let mut s = AppState::new(w, h, true).max_width(max_width);
    s.reader.open(long_article(), 0);
    s.focus = Focus::Reader;
    docbao::tui::update::layout(&mut s);
    s
}

fn top(s: &AppState) -> &LaidLine {
    &s.reader.lines[s.reader.top]
}

#[test]
fn resizing_keeps_the_words_at_the_top_within_a_line() {
    let keymap = Config::defaults().keymap;
    for max_width in [0, 80] {
        let mut s = reading(100, 30, max_width);
        for _ in 0..7 {
            update(&mut s, Action::PageDown);
        }
        update(&mut s, Action::Down);
        let pos = s.reader.position();
        assert_eq!(pos.paragraph, 1);
        assert!(pos.offset > 1000, "{pos:?}: pages into the paragraph");
        let was = top(&s).text.clone();
        let words: Vec<&str> = was.split(' ').take(2).collect();
        for (w, h) in [(80, 24), (200, 50), (61, 20), (40, 12), (137, 41)] {
            handle(&mut s, &keymap, Event::Resize(w, h));
            let t = top(&s);
            assert!(
                t.offset <= pos.offset && t.offset + t.text.chars().count() > pos.offset,
                "{w}x{h}: the top line {t:?} holds {pos:?}"
            );
            assert!(t.text.contains(words[0]), "{w}x{h}: {:?}", t.text);
            assert_eq!(
                s.reader.position(),
                pos,
                "{w}x{h}: a resize does not move the position"
            );
        }
        // Back at the first size: the very same line.
        handle(&mut s, &keymap, Event::Resize(100, 30));
        assert_eq!(top(&s).text, was);
        // Maximised, and back.
        update(&mut s, Action::ToggleMaximize);
        docbao::tui::update::layout(&mut s);
        assert!(top(&s).text.contains(words[0]));
        update(&mut s, Action::ToggleMaximize);
        docbao::tui::update::layout(&mut s);
        assert_eq!(top(&s).text, was);
    }
}

/// Reopening the article at the saved position (what the store gives back)
/// shows the same line, and the first key that moves saves the new one.
#[test]
fn reopening_at_the_saved_position_shows_the_same_line() {
    let mut s = reading(100, 30, 80);
    for _ in 0..5 {
        update(&mut s, Action::PageDown);
    }
    let pos = s.reader.position();
    let was = top(&s).text.clone();
    let mut again = AppState::new(100, 30, true).max_width(80);
    let mut a = long_article();
    a.position = pos;
    again.reader.open(a, pos);
    again.focus = Focus::Reader;
    docbao::tui::update::layout(&mut again);
    assert_eq!(top(&again).text, was);
}

/// An article read to its end opens from the top again (`Space` at the end
/// of one article went on to the next at its saved end, and the next
/// `Space` skipped it); one read halfway opens where it was left; the
/// article reopened when the reader starts (the last one read) stays where
/// the reader left it, its end included.
#[test]
fn an_article_read_to_its_end_opens_from_the_top() {
    use docbao::tui::event::{Loaded, Opening};
    let keymap = Config::defaults().keymap;
    let mut s = reading(100, 30, 80);
    update(&mut s, Action::Bottom);
    assert!(s.reader.at_end());
    let end = s.reader.position();
    let mut s = reading(100, 30, 80);
    for _ in 0..5 {
        update(&mut s, Action::PageDown);
    }
    let halfway = s.reader.position();
    let opened = |pos: Position, opening: Opening| {
        let mut s = AppState::new(100, 30, true).max_width(80);
        let mut a = long_article();
        a.position = pos;
        handle(
            &mut s,
            &keymap,
            Event::Loaded(Loaded::Article {
                article: Box::new(a),
                opening,
            }),
        );
        s.focus = Focus::Reader;
        docbao::tui::update::layout(&mut s);
        (s.reader.top, s.reader.at_end(), s.reader.position())
    };
    for opening in [Opening::Read, Opening::Preview] {
        assert_eq!(opened(end, opening).0, 0, "{opening:?}: from the top");
        let (top, at_end, pos) = opened(halfway, opening);
        assert!(top > 0 && !at_end, "{opening:?}: where it was left");
        assert_eq!(pos, halfway);
    }
    assert!(opened(end, Opening::Resume).1, "resumed at the end");
}

/// An article read to its end and opened again to be read shows its top,
/// and that place is saved: left there, the reader starts on it at its top
/// (it started at its end: an independent review's find). A preview of it
/// keeps its end in the store.
#[test]
fn an_article_opened_again_from_the_top_saves_its_top() {
    use docbao::tui::event::{Loaded, Opening};
    use docbao::tui::update::Effect;
    let keymap = Config::defaults().keymap;
    let mut s = reading(100, 30, 80);
    update(&mut s, Action::Bottom);
    let end = s.reader.position();
    assert_ne!(end, Position::default());
    let saved = |opening: Opening| {
        let mut s = AppState::new(100, 30, true).max_width(80);
        s.focus = Focus::Reader;
        let mut a = long_article();
        a.position = end;
        let id = a.id;
        let fx = handle(
            &mut s,
            &keymap,
            Event::Loaded(Loaded::Article {
                article: Box::new(a),
                opening,
            }),
        )
        .unwrap_or_default();
        assert_eq!(s.reader.top, 0, "{opening:?}: from the top");
        fx.into_iter()
            .filter_map(|e| match e {
                Effect::SavePosition(i, p) if i == id => Some(p),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(saved(Opening::Read), [Position::default()]);
    assert!(
        saved(Opening::Preview).is_empty(),
        "a preview keeps the end"
    );
    // The keys moving into a preview open it for reading: its top is saved.
    let mut s = AppState::new(100, 30, true).max_width(80);
    s.focus = Focus::List;
    let mut a = long_article();
    a.position = end;
    let id = a.id;
    handle(
        &mut s,
        &keymap,
        Event::Loaded(Loaded::Article {
            article: Box::new(a),
            opening: Opening::Preview,
        }),
    );
    let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Tab);
    let fx = handle(&mut s, &keymap, Event::Key(key)).unwrap_or_default();
    assert_eq!(s.focus, Focus::Reader);
    let saves: Vec<Position> = fx
        .into_iter()
        .filter_map(|e| match e {
            Effect::SavePosition(i, p) if i == id => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(saves, [Position::default()]);
}
