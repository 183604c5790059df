//! The wrapper and scripts other than Latin: Korean, Hindi, Thai.

use super::tests::checked;

#[test]
fn korean_breaks_at_spaces_like_latin_script() {
    let s = "안녕하세요 여러분, 오늘은 날씨가 정말 좋네요. 서울에서 부산까지 기차로 세 시간이 걸립니다.";
    for width in 10..=40 {
        let lines = checked(s, width);
        // Every break is at a space: the lines joined with spaces are the text.
        assert_eq!(lines.join(" "), s, "at width {width}: {lines:?}");
    }
    assert_eq!(
        checked(s, 16),
        [
            "안녕하세요",
            "여러분, 오늘은",
            "날씨가 정말",
            "좋네요. 서울에서",
            "부산까지 기차로",
            "세 시간이",
            "걸립니다."
        ]
    );
    // Hanja and Hangul in one word stay together too.
    assert_eq!(
        checked("한국어 韓國語를 배웁니다", 10),
        ["한국어", "韓國語를", "배웁니다"]
    );
    // A word wider than the line is still split (between syllables).
    assert_eq!(checked("대한민국헌법", 8), ["대한민국", "헌법"]);
}

/// Hindi breaks at spaces, as Latin script: a consonant with its vowel
/// sign is two columns ("च्छी", "बु") but no wide glyph to break beside
/// (an independent review's find: "अ/च्छी", "बु/वाई").
#[test]
fn hindi_breaks_at_spaces() {
    let s = "किसानों के लिए यह अच्छी ख़बर है क्योंकि खरीफ़ की फ़सल की बुवाई जल्द शुरू हो सकेगी।";
    for width in 12..=60 {
        let lines = checked(s, width);
        assert_eq!(lines.join(" "), s, "at width {width}: {lines:?}");
    }
}

/// Thai writes no spaces between words: lines break between its words
/// (ICU's dictionary), never before a following vowel ("ประกาศว่ | าประเทศ"
/// before) nor after a leading one, and lose nothing.
#[test]
fn thai_breaks_between_words() {
    let s = "กระทรวงการท่องเที่ยวและกีฬาประกาศว่าประเทศไทยจะเปิดรับนักท่องเที่ยวต่างชาติมากขึ้นในปีหน้า";
    for width in 8..=60 {
        let lines = checked(s, width);
        assert_eq!(lines.concat(), s, "at width {width}: {lines:?}");
        for pair in lines.windows(2) {
            let next = pair[1].chars().next().unwrap();
            let last = pair[0].chars().next_back().unwrap();
            assert!(
                !matches!(next, 'ะ' | 'า' | 'ำ' | 'ๅ')
                    && !matches!(last, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ'),
                "at width {width}: {lines:?}"
            );
        }
    }
    assert_eq!(
        checked(s, 30),
        [
            "กระทรวงการท่องเที่ยวและกีฬาประกาศ",
            "ว่าประเทศไทยจะเปิดรับนักท่องเที่ยวต่าง",
            "ชาติมากขึ้นในปีหน้า"
        ]
    );
    // Beside Vietnamese, each Thai word is a piece of its own.
    assert_eq!(
        checked("Thái Lan: ประเทศไทย", 12),
        ["Thái Lan:", "ประเทศไทย"]
    );
}

/// A link's number stays with the Chinese word it follows ("科学[3]"):
/// it began the next line ("…发表在科学" | "[3]刊物").
#[test]
fn a_link_number_stays_with_a_chinese_word() {
    let s = "这项研究发表在科学[3]刊物《自然》上，引起了广泛关注。";
    for width in 6..=30 {
        let lines = checked(s, width);
        assert!(
            lines.iter().skip(1).all(|l| !l.starts_with('[')),
            "at width {width}: {lines:?}"
        );
    }
}
