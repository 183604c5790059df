//! Search quality (issue 13): for 30 common two-syllable words, typed with
//! their marks and without, the share of the top 10 results that hold the
//! word as adjacent syllables (with the exact marks when marks were typed).
//!
//! The check is the bench's own (lower case, NFC, "ð" as "đ", split at
//! anything not a letter or digit; folded with `search_fold` when no marks
//! were typed), so that a build before issue 13 is measured the same way.

use docbao::model::{ArticleId, ListFilter};
use docbao::store::Store;
use docbao::text::fold::search_fold;
use unicode_normalization::UnicodeNormalization;

pub const WORDS: [&str; 30] = [
    "bóng đá",
    "hà nội",
    "thủ tướng",
    "giá vàng",
    "việt nam",
    "tai nạn",
    "giao thông",
    "dân vận",
    "kiểm định",
    "công an",
    "học sinh",
    "giáo dục",
    "bệnh viện",
    "chính phủ",
    "kinh tế",
    "ngân hàng",
    "thị trường",
    "doanh nghiệp",
    "xăng dầu",
    "đội tuyển",
    "cầu thủ",
    "sức khỏe",
    "du lịch",
    "thời tiết",
    "bất động",
    "chứng khoán",
    "điện thoại",
    "quốc hội",
    "đại học",
    "mưa bão",
];

fn exact_syllables(text: &str) -> Vec<String> {
    let lower: String = text
        .chars()
        .map(|c| if c == 'Ð' || c == 'ð' { 'đ' } else { c })
        .flat_map(char::to_lowercase)
        .nfc()
        .collect();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn holds(text: &str, word: &str, marked: bool) -> bool {
    let mut want = exact_syllables(word);
    let mut have = exact_syllables(text);
    if !marked {
        want = want.iter().map(|s| search_fold(s)).collect();
        have = have.iter().map(|s| search_fold(s)).collect();
    }
    have.windows(want.len()).any(|w| w == want.as_slice())
}

fn text_of(store: &Store, id: ArticleId) -> String {
    let a = store.article(id).expect("the article");
    let mut t = a.title.clone();
    for p in a.lead.iter().chain(a.paragraphs.iter().map(|p| &p.text)) {
        t.push('\n');
        t.push_str(p);
    }
    for k in &a.keywords {
        t.push('\n');
        t.push_str(&k.name);
    }
    t
}

/// Print the share for each word and the summary.
pub fn run(store: &Store) {
    let filter = ListFilter::default();
    println!(
        "\n{:<16} {:>12} {:>12}",
        "word (top 10)", "with marks", "without"
    );
    let mut sums = [0usize; 2];
    let mut perfect = [0usize; 2];
    let mut eligible = [0usize; 2];
    for w in WORDS {
        let mut cells = Vec::new();
        for (i, marked) in [true, false].into_iter().enumerate() {
            let q = if marked {
                w.to_string()
            } else {
                search_fold(w)
            };
            let hits = store.search(&q, &filter, 10).expect("search");
            let good = hits
                .iter()
                .filter(|h| holds(&text_of(store, h.id), w, marked))
                .count();
            // Do ten articles hold the word? Looked for among the phrase's
            // matches (every spelling: the check tells the marks apart).
            let exist = store
                .search(&format!("\"{}\"", search_fold(w)), &filter, 300)
                .expect("search")
                .iter()
                .filter(|h| holds(&text_of(store, h.id), w, marked))
                .take(10)
                .count();
            sums[i] += good;
            if exist >= 10 {
                eligible[i] += 1;
                if good == 10 {
                    perfect[i] += 1;
                }
            }
            cells.push(format!("{good}/10 ({exist})"));
        }
        println!("{w:<16} {:>12} {:>12}", cells[0], cells[1]);
    }
    for (i, label) in ["with marks", "without marks"].iter().enumerate() {
        println!(
            "{label}: {:.1}% of the top 10 hold the word; 10/10 for {} of the {} words with 10 such articles",
            100.0 * sums[i] as f64 / (10 * WORDS.len()) as f64,
            perfect[i],
            eligible[i]
        );
    }
}
