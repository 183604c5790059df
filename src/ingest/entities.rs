//! Entities a feed escaped twice. Some feeds (Dân trí's) escape a title or a
//! summary once too often: after the XML and the HTML are decoded, the text
//! still reads `&nbsp;` or `&quot;`. [`decode_left`] decodes one more level,
//! and only where the text holds a well-formed reference: a named one HTML
//! knows, ended by `;` (`&nbsp` alone too, which is never meant as text), or
//! a numeric one (`&#8230;`, `&#x110;`). `AT&T`, `R&D`, `&notanentity;`
//! stay as they are. [`mend_xml_references`] does the same for an XML
//! document an HTML habit broke (`&nbsp;`, a bare `&`), before it is parsed.

use std::borrow::Cow;

use crate::text::clean;

/// The longest entity name HTML has (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 32;

/// `text` with the entity references left in it decoded, then cleaned
/// (NFC, terminal-safe) as every string is; as it is when it holds none.
pub fn decode_left(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match reference(tail).and_then(|r| decoded(r).map(|d| (r.len(), d))) {
            Some((len, d)) => {
                out.push_str(&d);
                rest = &tail[len..];
                changed = true;
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    if changed {
        Cow::Owned(clean(&out))
    } else {
        Cow::Borrowed(text)
    }
}

/// `xml` made readable by an XML parser where HTML's habits broke it: each
/// reference to an entity HTML knows and XML does not (`&nbsp;`,
/// `&eacute;`, `&nbsp` alone) written as the character it stands for, and
/// an `&` that starts no reference at all (`?a=1&b=2` in an address,
/// `&notanentity;`) escaped, as a browser reads them. XML's own five
/// (`&amp;` …) and character references stay; CDATA sections are left as
/// they are.
pub fn mend_xml_references(xml: &str) -> Cow<'_, str> {
    if !xml.contains('&') {
        return Cow::Borrowed(xml);
    }
    let mut out = String::with_capacity(xml.len() + 16);
    let mut rest = xml;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("<![CDATA[") {
            let end = tail.find("]]>").map_or(tail.len(), |e| e + 3);
            out.push_str(&tail[..end]);
            rest = &tail[end..];
            continue;
        }
        if let Some(after) = tail.strip_prefix('<') {
            out.push('<');
            rest = after;
            continue;
        }
        match reference(tail) {
            Some(r)
                if r.starts_with("&#")
                    || matches!(r, "&amp;" | "&lt;" | "&gt;" | "&quot;" | "&apos;") =>
            {
                out.push_str(r);
                rest = &tail[r.len()..];
            }
            Some(r) if let Some(d) = decoded(r) => {
                // (`&LT;` is HTML's "<" too: escaped again for XML.)
                out.push_str(&quick_xml::escape::escape(d.as_str()));
                rest = &tail[r.len()..];
            }
            _ => {
                out.push_str("&amp;");
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The well-formed reference `s` starts with (`s` starts with `&`).
fn reference(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let body = &b[1..];
    let end = if let Some(num) = body.strip_prefix(b"#") {
        let (digits, hex) = match num.first() {
            Some(b'x' | b'X') => (&num[1..], true),
            _ => (num, false),
        };
        let n = digits
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if n == 0 || n > 7 || digits.get(n) != Some(&b';') {
            return None;
        }
        // "&#" + "x"? + digits + ";"
        2 + usize::from(hex) + n + 1
    } else {
        let n = body
            .iter()
            .take(MAX_NAME + 1)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if !(2..=MAX_NAME).contains(&n) || !body[0].is_ascii_alphabetic() {
            return None;
        }
        match body.get(n) {
            Some(b';') => 1 + n + 1,
            // `&nbsp` with no `;`: no text means that.
            _ if &body[..4.min(n)] == b"nbsp" => 1 + 4,
            _ => return None,
        }
    };
    s.get(..end)
}

/// What HTML makes of one reference, when it knows it.
fn decoded(reference: &str) -> Option<String> {
    if reference.starts_with("&nbsp") {
        return Some('\u{A0}'.to_string());
    }
    // The whole reference, to one character or two (`&notin;` is one,
    // `&notanentity;` is `&not` and text).
    let text = super::html::fragment_text(reference);
    (text != reference && text.chars().count() <= 2 && !text.contains(';')).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_references_are_decoded() {
        let d = |s: &str| decode_left(s).into_owned();
        assert_eq!(d("a&nbsp;b &quot;c&quot; &#8230; &#x110;"), "a b \"c\" … Đ");
        assert_eq!(d("a&nbspb"), "a b");
        for kept in [
            "AT&T",
            "R&D",
            "&notanentity;",
            "& ;",
            "&#;",
            "&#x;",
            "a & b",
            "&copy",
        ] {
            assert_eq!(d(kept), kept);
        }
        assert!(matches!(decode_left("AT&T"), Cow::Borrowed(_)));
        // Once only, and cleaned: a control character does not come back.
        assert_eq!(d("&amp;amp; &#27;[2J"), "&amp; [2J");
    }
}
