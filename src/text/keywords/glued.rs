//! Words written with punctuation and no space inside them ("đó.Ông",
//! "Nga,Tổng thống", "Ảnh:Minh Sơn", "Phủ…Tác"): where the tokenizer parts
//! them.

/// A caption's labels as written before a credit: the labels
/// `tokens::credit_label` reads (folded there), in title case.
const CREDIT_LABELS: &[&str] = &["Ảnh", "Nguồn"];

/// The pieces of a word written with punctuation and no space inside it:
/// after a comma, semicolon, closing bracket or bar ("Galaxy S8|S8+": 5 in
/// baomoi-35k), before an opening bracket,
/// after a colon before a capital ("Ảnh:Minh Sơn", a credit; not a time,
/// "10:30"), after an ellipsis before a letter ("Điện Biên Phủ…Tác phẩm",
/// "nghèo...Nhưng": 646 of them in baomoi-35k), and after a full stop that
/// ends a word and is followed by a capital ("đó.Ông", "2017.Theo") or a
/// Vietnamese word ("Glebova.và"). Not the full stop of an abbreviation:
/// "TP.HCM", "H.Cát Hải", "St.Petersburg" (one or two letters, the first a
/// capital, or all capitals). Before a caption's credit label glued to the
/// word before it ("TânẢnh: Phan Định").
pub(super) struct Glued<'a> {
    pub(super) rest: &'a str,
}

impl<'a> Iterator for Glued<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let s = self.rest;
        let bytes = s.as_bytes();
        // The punctuation looked for is ASCII, and "…" is found by its first
        // byte (0xE2 begins a character): a byte search, and slicing there
        // is on a character boundary.
        let mut end = s.len();
        for (i, &b) in bytes.iter().enumerate() {
            // An ellipsis, one character or dots, and a letter after it.
            let dots = match b {
                0xE2 if s[i..].starts_with('…') => '…'.len_utf8(),
                // (Counted from a run's first dot only.)
                b'.' if bytes.get(i + 1) == Some(&b'.') && (i == 0 || bytes[i - 1] != b'.') => {
                    bytes[i..].iter().take_while(|&&b| b == b'.').count()
                }
                _ => 0,
            };
            if dots > 0 && i > 0 && s[i + dots..].starts_with(char::is_alphabetic) {
                end = i + dots;
                break;
            }
            // A caption's credit label glued to the caption's last word:
            // "quận Bình TânẢnh: Phan Định", "quận 5Ảnh: Phan Định" (22
            // lines of baomoi-35k): the label begins a piece of its own.
            if b == b':'
                && let Some(label) = CREDIT_LABELS.iter().find(|l| s[..i].ends_with(*l))
                && i > label.len()
            {
                end = i - label.len();
                break;
            }
            match b {
                b',' | b';' | b')' | b']' | b'|' => {
                    end = i + 1;
                    break;
                }
                b':' if i > 0 && s[i + 1..].starts_with(char::is_uppercase) => {
                    end = i + 1;
                    break;
                }
                b'(' | b'[' if i > 0 => {
                    end = i;
                    break;
                }
                b'.' if glued_after_full_stop(&s[i + 1..]) && {
                    let before = &s[..i];
                    let from = before
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| !c.is_alphanumeric())
                        .map_or(0, |(k, c)| k + c.len_utf8());
                    sentence_full_stop(&before[from..])
                } =>
                {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        self.rest = &s[end..];
        Some(&s[..end])
    }
}

/// What follows a full stop with no space when it begins a new word: a
/// capital ("đó.Ông"), or a Vietnamese word in lower case ("Natalie
/// Glebova.và"; not a web address's domain, "zing.vn").
fn glued_after_full_stop(after: &str) -> bool {
    let Some(c) = after.chars().next() else {
        return false;
    };
    c.is_uppercase()
        || c.is_lowercase()
            && after
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .any(|c| !c.is_ascii())
}

/// Does a full stop after these letters end a sentence (they are a word:
/// lowercase, or three or more letters with a lowercase one, or a number),
/// rather than an abbreviation ("TP", "H", "St")?
fn sentence_full_stop(before: &str) -> bool {
    let mut letters = 0;
    let (mut lower, mut upper, mut digits) = (0, 0, 0);
    for c in before.chars() {
        letters += 1;
        lower += usize::from(c.is_lowercase());
        upper += usize::from(c.is_uppercase());
        digits += usize::from(c.is_ascii_digit());
    }
    let word = lower > 0 && (upper == 0 || letters >= 3);
    letters > 0 && (word || digits == letters)
}
