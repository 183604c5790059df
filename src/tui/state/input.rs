//! Editing a text box: the cursor moves by grapheme (a letter with its
//! marks, in NFC or NFD, is one step), characters go in at the cursor.

use unicode_segmentation::UnicodeSegmentation;

use super::{Input, InputKind};
use crate::text::width::width;

impl Input {
    /// A text box holding `text`, the cursor at its end.
    pub fn new(kind: InputKind, text: impl Into<String>) -> Input {
        let text = text.into();
        Input {
            kind,
            cursor: text.len(),
            text,
            selected: false,
        }
    }

    /// A text box offering `text` again, selected: typing replaces it,
    /// Backspace or Delete clears it, a cursor key keeps it to edit, Enter
    /// takes it as it is.
    pub fn offering(kind: InputKind, text: impl Into<String>) -> Input {
        let mut input = Input::new(kind, text);
        input.selected = !input.text.is_empty();
        input
    }

    /// Drop a selected text (it is being replaced); whether there was one.
    fn take_selection(&mut self) -> bool {
        let was = std::mem::take(&mut self.selected);
        if was {
            self.text.clear();
            self.cursor = 0;
        }
        was
    }

    /// The start of the grapheme before the cursor.
    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    /// The end of the grapheme after the cursor.
    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    pub fn insert(&mut self, c: char) {
        self.take_selection();
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // A combining mark joins the letter before it: stay after both.
        self.cursor = self.next_boundary_from(self.cursor);
    }

    /// The cursor put back on a grapheme boundary at or after `at`.
    fn next_boundary_from(&self, at: usize) -> usize {
        let mut end = 0;
        for (i, g) in self.text.grapheme_indices(true) {
            end = i + g.len();
            if end >= at {
                return end;
            }
        }
        end.max(at.min(self.text.len()))
    }

    /// Delete the grapheme before the cursor (Backspace).
    pub fn backspace(&mut self) {
        if self.take_selection() {
            return;
        }
        let start = self.prev_boundary();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Delete the grapheme under the cursor (Delete).
    pub fn delete(&mut self) {
        if self.take_selection() {
            return;
        }
        let end = self.next_boundary();
        self.text.replace_range(self.cursor..end, "");
    }

    /// A cursor key on a selected text keeps it to edit, the cursor at the
    /// end it goes to (←, Home: the start; →, End: the end), as in a form.
    pub fn left(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.cursor = 0;
            return;
        }
        self.cursor = self.prev_boundary();
    }

    pub fn right(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.cursor = self.text.len();
            return;
        }
        self.cursor = self.next_boundary();
    }

    pub fn home(&mut self) {
        self.selected = false;
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.selected = false;
        self.cursor = self.text.len();
    }

    /// Delete from the start to the cursor (ctrl-u, as in a shell).
    pub fn kill_to_start(&mut self) {
        if self.take_selection() {
            return;
        }
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Delete the word before the cursor and the spaces after it (ctrl-w).
    pub fn kill_word(&mut self) {
        if self.take_selection() {
            return;
        }
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed.rfind(' ').map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// The text before the cursor and from it.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Columns from the start of the text to the cursor (CJK counts two).
    pub fn cursor_column(&self) -> usize {
        width(&self.text[..self.cursor])
    }
}

/// What to show of a text box `room` columns wide, and the cursor's column
/// in it: the whole text when it fits; else the part around the cursor, the
/// cursor never off the edge (the end of the text is what shows while
/// typing at the end).
pub fn visible(input: &Input, room: usize) -> (String, usize) {
    let room = room.max(1);
    let (before, after) = input.split();
    // One column is kept for the cursor standing after the last character.
    let mut shown_before: Vec<&str> = before.graphemes(true).collect();
    let mut w = width(before);
    while w + 1 > room && !shown_before.is_empty() {
        w -= width(shown_before.remove(0));
    }
    let mut out: String = shown_before.concat();
    let col = w;
    let mut used = w;
    for g in after.graphemes(true) {
        let gw = width(g);
        if used + gw > room {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    (out, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, cursor: usize) -> Input {
        Input {
            kind: InputKind::Search,
            text: text.into(),
            cursor,
            selected: false,
        }
    }

    #[test]
    fn characters_go_in_at_the_cursor_and_keys_edit_there() {
        let mut i = Input::new(InputKind::Search, "Đà Nng");
        i.left();
        i.left();
        i.insert('ẵ');
        assert_eq!(i.text, "Đà Nẵng");
        assert_eq!(i.cursor_column(), 5);
        i.home();
        i.delete();
        assert_eq!(i.text, "à Nẵng");
        i.end();
        i.backspace();
        assert_eq!(i.text, "à Nẵn");
        i.home();
        i.right();
        i.right();
        i.kill_to_start();
        assert_eq!((i.text.as_str(), i.cursor), ("Nẵn", 0));
        i.home();
        i.backspace();
        i.left();
        assert_eq!((i.text.as_str(), i.cursor), ("Nẵn", 0), "nothing before");
        i.end();
        i.delete();
        i.right();
        assert_eq!(i.text, "Nẵn", "nothing after");
    }

    #[test]
    fn a_letter_with_its_marks_in_nfd_is_one_step() {
        // "ẵ" written as a + breve + tilde.
        let mut i = Input::new(InputKind::Find, "na\u{306}\u{303}ng");
        i.left();
        i.left();
        assert_eq!(i.cursor, "na\u{306}\u{303}".len());
        i.left();
        assert_eq!(i.cursor, 1);
        i.delete();
        assert_eq!(i.text, "nng");
        // A mark typed after a letter stays with it.
        let mut i = Input::new(InputKind::Find, "");
        i.insert('a');
        i.insert('\u{303}');
        assert_eq!(i.cursor, i.text.len());
        i.backspace();
        assert_eq!(i.text, "");
    }

    #[test]
    fn an_offered_text_is_replaced_by_typing_and_kept_by_a_cursor_key() {
        let mut i = Input::offering(InputKind::Find, "gal gadot");
        i.insert('g');
        assert_eq!((i.text.as_str(), i.selected), ("g", false));
        for (edit, left) in [
            (Input::delete as fn(&mut Input), ""),
            (Input::kill_word, ""),
            (Input::kill_to_start, ""),
            (Input::left, "gal gadot"),
            (Input::home, "gal gadot"),
            (Input::right, "gal gadot"),
        ] {
            let mut i = Input::offering(InputKind::Find, "gal gadot");
            edit(&mut i);
            assert_eq!((i.text.as_str(), i.selected), (left, false));
        }
        let mut i = Input::offering(InputKind::Find, "gal gadot");
        i.left();
        i.insert('x');
        assert_eq!(i.text, "xgal gadot", "← goes to the start");
        assert!(!Input::offering(InputKind::Find, "").selected);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        let mut i = at("thai binh nam", "thai binh ".len());
        i.kill_word();
        assert_eq!((i.text.as_str(), i.cursor), ("thai nam", 5));
    }

    #[test]
    fn the_cursor_column_counts_wide_characters_twice() {
        let i = Input::new(InputKind::Search, "越南 Việt");
        assert_eq!(i.cursor_column(), 9);
        let i = at("越南 Việt", "越".len());
        assert_eq!(i.cursor_column(), 2);
    }

    #[test]
    fn a_long_text_shows_the_part_around_the_cursor() {
        let i = Input::new(InputKind::Search, "abcdefghij");
        assert_eq!(visible(&i, 20), ("abcdefghij".to_string(), 10));
        assert_eq!(visible(&i, 5), ("ghij".to_string(), 4));
        let i = at("abcdefghij", 2);
        assert_eq!(visible(&i, 5), ("abcde".to_string(), 2));
        // Wide characters are never cut in half.
        let i = Input::new(InputKind::Search, "越南越南");
        assert_eq!(visible(&i, 6), ("越南".to_string(), 4));
    }
}
