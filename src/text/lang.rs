//! The language an article is written in, as far as the auto keywords need
//! it: Vietnamese (the keyword rules' own), another language written with
//! spaces between words (its stop words, from stopwords-iso through the
//! `stop-words` crate, keep "in the" and "et de" from being keywords), or a
//! script docbao cannot cut into words: written without spaces (Chinese,
//! Japanese, Thai, Khmer, Burmese), or Korean, whose words carry their
//! particles ("박물관은", "박물관으로": a run of them is a stretch of a
//! sentence, "국립중앙박물관은 한국 최대의 박물관으로" was a keyword): no auto
//! keywords rather than whole sentences as keywords.
//!
//! Vietnamese is told at a glance, without a language model: letters only
//! Vietnamese uses (ă, đ, ơ, ư, ĩ, ũ and the vowels with a dot below or a hook
//! above, U+1EA0–U+1EF9) make a good part of any Vietnamese text, and of no
//! other. The rest goes to `whatlang` (trigrams, ~60 µs a text: only the
//! few articles not told at a glance pay it).

/// What an article is written in, for its auto keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Vietnamese,
    /// Another language written with spaces between words
    /// (`whatlang`'s guess, `None` when it has none).
    Spaced(Option<whatlang::Lang>),
    /// A script docbao cannot cut into words: written without spaces
    /// between them, or Korean.
    Uncut(whatlang::Script),
}

/// How much text `whatlang` is given: the start of an article says what it
/// is written in.
const SAMPLE_BYTES: usize = 2_000;

/// How many letters the glance at Vietnamese counts.
const GLANCE_LETTERS: usize = 400;

/// Is this Vietnamese at a glance: one letter in 50 only Vietnamese uses.
/// Vietnamese news has about one in 5 (the median of baomoi-35k, Dân trí
/// and DANeS, first 400 letters); the fewest, one in 27, were football
/// reports full of foreign names. An English or French text with a
/// Vietnamese name written with its marks has about one in 80 or fewer.
///
/// Read as bytes (an import asks it of every article): an ASCII letter or
/// any other character counts as a letter, the letters only Vietnamese
/// uses are told by their UTF-8 bytes ([`vietnamese_only_utf8`]).
fn glance<'a>(parts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut letters, mut vietnamese) = (0usize, 0usize);
    'parts: for part in parts {
        let bytes = part.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                letters += usize::from(b.is_ascii_alphabetic());
                i += 1;
            } else {
                letters += 1;
                vietnamese += usize::from(vietnamese_only_utf8(&bytes[i..]));
                i += match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
            }
            if letters >= GLANCE_LETTERS {
                break 'parts;
            }
        }
    }
    letters > 0 && vietnamese * 50 >= letters
}

/// Do these bytes start with a letter [`vietnamese_only`] names?
pub(crate) fn vietnamese_only_utf8(b: &[u8]) -> bool {
    match *b {
        // U+1EA0..=U+1EBF, U+1EC0..=U+1EF9
        [0xE1, 0xBA, c, ..] => c >= 0xA0,
        [0xE1, 0xBB, c, ..] => c <= 0xB9,
        // Ă ă Đ đ Ĩ ĩ; Ũ ũ; Ơ ơ Ư ư
        [0xC4, c, ..] => matches!(c, 0x82 | 0x83 | 0x90 | 0x91 | 0xA8 | 0xA9),
        [0xC5, c, ..] => matches!(c, 0xA8 | 0xA9),
        [0xC6, c, ..] => matches!(c, 0xA0 | 0xA1 | 0xAF | 0xB0),
        _ => false,
    }
}

/// The language of a text given in parts (an article's title, lead and
/// first paragraphs).
pub fn language<'a>(parts: impl IntoIterator<Item = &'a str> + Clone) -> Language {
    if glance(parts.clone()) {
        return Language::Vietnamese;
    }
    let mut sample = String::with_capacity(SAMPLE_BYTES + 64);
    for part in parts {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        let room = SAMPLE_BYTES - sample.len();
        let end = (0..=room.min(part.len()))
            .rev()
            .find(|&i| part.is_char_boundary(i))
            .unwrap_or(0);
        sample.push_str(&part[..end]);
        sample.push('\n');
    }
    by_model(&sample)
}

/// The language of a text not Vietnamese at a glance, by `whatlang`.
fn by_model(text: &str) -> Language {
    match whatlang::detect_script(text) {
        Some(
            s @ (whatlang::Script::Mandarin
            | whatlang::Script::Hiragana
            | whatlang::Script::Katakana
            | whatlang::Script::Thai
            | whatlang::Script::Khmer
            | whatlang::Script::Myanmar
            | whatlang::Script::Hangul),
        ) => Language::Uncut(s),
        _ => match whatlang::detect_lang(text) {
            // Vietnamese with few marks or none ("Ha Noi"): the rules apply.
            Some(whatlang::Lang::Vie) => Language::Vietnamese,
            lang => Language::Spaced(lang),
        },
    }
}

/// A letter of Vietnamese spelling no other language written in Latin
/// letters uses: what [`vietnamese_only_utf8`] tells by its bytes.
#[cfg(test)]
fn vietnamese_only(c: char) -> bool {
    matches!(
        c,
        '\u{1EA0}'
            ..='\u{1EF9}' | 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
    )
}

/// The ISO 639-1 code of a language `whatlang` tells, for `stop-words`.
fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Ara => "ar",
        Hin => "hi",
        Heb => "he",
        Pol => "pl",
        Kor => "ko",
        Nob => "no",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Mar => "mr",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Urd => "ur",
        Guj => "gu",
        Ind => "id",
        Pes => "fa",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Zul => "zu",
        _ => return None,
    })
}

/// The stop words of a language other than Vietnamese, with English's: a
/// short text's guess may be wrong, and English is what most foreign
/// articles in a Vietnamese reader's feeds are written in.
pub fn stop_words(lang: Option<whatlang::Lang>) -> impl Iterator<Item = &'static str> {
    let own = lang.and_then(iso_639_1).filter(|&code| code != "en");
    std::iter::once("en")
        .chain(own)
        .flat_map(|code| stop_words::lookup(code).unwrap_or_default().iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language_of(text: &str) -> Language {
        language([text])
    }

    #[test]
    fn vietnamese_is_told_at_a_glance_even_with_foreign_names() {
        for text in [
            "Kết quả xổ số điện toán Vietlott ngày 6/2/2017",
            "Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á",
            "Tổng thống Donald Trump nói với báo Washington Post rằng ông sẽ gặp Kim Jong-un",
            "Lãi suất ngân hàng giảm sâu, xuống thấp nhất 10 năm",
        ] {
            assert_eq!(language_of(text), Language::Vietnamese, "{text}");
        }
    }

    #[test]
    fn other_languages_and_scripts_are_named() {
        let en = "President Barack Obama has admitted that his failure to pass common sense \
                  gun safety laws in the United States is the greatest frustration of his presidency.";
        assert_eq!(language_of(en), Language::Spaced(Some(whatlang::Lang::Eng)));
        let fr = "Les députés ont, sans surprise, adopté à une large majorité le projet de loi \
                  sur le renseignement défendu par le gouvernement.";
        assert_eq!(language_of(fr), Language::Spaced(Some(whatlang::Lang::Fra)));
        // A Vietnamese name in an English sentence does not make it Vietnamese.
        let en_vi = "Prime Minister Nguyễn Xuân Phúc met the delegation in Hanoi on Monday \
                     to discuss trade between the two countries.";
        assert!(matches!(language_of(en_vi), Language::Spaced(_)));
        let zh = "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶";
        assert_eq!(language_of(zh), Language::Uncut(whatlang::Script::Mandarin));
        let th = "นายกรัฐมนตรีเดินทางไปเยือนประเทศเวียดนามเพื่อหารือเรื่องการค้า";
        assert_eq!(language_of(th), Language::Uncut(whatlang::Script::Thai));
        // Korean puts spaces between its words, each with its particles.
        let ko = "대통령은 오늘 베트남 총리와 무역 문제를 논의했다고 밝혔습니다";
        assert_eq!(language_of(ko), Language::Uncut(whatlang::Script::Hangul));
    }

    #[test]
    fn vietnamese_with_few_marks_is_vietnamese() {
        // baomoi: one letter in 27 only Vietnamese uses; whatlang alone
        // took it for Portuguese.
        let text = "10 siêu phẩm đẹp nhất La liga 2016/17: Ronaldo đọ tài Messi. Hai ngôi sao \
                    hàng đầu Ronaldo, Messi đều góp mặt trong danh sách những bàn thắng đẹp nhất";
        assert_eq!(language_of(text), Language::Vietnamese);
        let text = "Thu tuong Chinh phu chu tri hop ve tinh hinh kinh te xa hoi cua dat nuoc \
                    trong nam nay va ke hoach cho nam sau";
        assert_eq!(language_of(text), Language::Vietnamese);
    }

    #[test]
    fn the_letters_are_told_by_their_bytes_as_by_their_characters() {
        // Every character of the Latin blocks and the Vietnamese one.
        for c in ('\u{80}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}') {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(vietnamese_only_utf8(bytes), vietnamese_only(c), "{c} {c:?}");
        }
    }

    #[test]
    fn the_sample_is_cut_on_a_character_boundary() {
        let long = "Đà Nẵng ".repeat(1_000);
        assert_eq!(language([long.as_str(), "more"]), Language::Vietnamese);
    }

    #[test]
    fn stop_words_hold_the_language_and_english() {
        let fr: Vec<&str> = stop_words(Some(whatlang::Lang::Fra)).collect();
        for w in ["et", "de", "les", "the", "in"] {
            assert!(fr.contains(&w), "{w}");
        }
        assert!(!fr.contains(&"assemblée"));
        let unknown: Vec<&str> = stop_words(None).collect();
        assert!(unknown.contains(&"the") && !unknown.contains(&"les"));
    }
}
