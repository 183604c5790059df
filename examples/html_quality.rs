//! How well the HTML extractor keeps the article and drops the rest, on the
//! saved pages in `../shared/corpus/html/` (not shipped: run from a checkout
//! next to the shared corpus).
//!
//! ```sh
//! cargo run --release --example html_quality [-- CORPUS_HTML_DIR]
//! ```
//!
//! Mozilla Readability's cases (`readability-peer/*/`): share of the words of
//! `expected.html` found in what we extract (lead + paragraphs), and share of
//! extracted words not in it (boilerplate). Vietnamese pages: the article's
//! first and last body sentences, picked by hand from the page, must be
//! present; known boilerplate lines must be absent.

use std::path::{Path, PathBuf};

use docbao::ingest::parse_html;
use docbao::model::NewArticle;

/// (file, start of the first body sentence, start of the last body sentence,
/// boilerplate seen on the page that must not be extracted).
const PAGES: &[(&str, &str, &str, &[&str])] = &[
    (
        "24h1.html",
        "Có khoảng 30.000 cư dân tại một khu phố buồn tẻ",
        "Những sĩ tử tại Goshiwon đi bỏ phiếu sớm",
        &["Thích và chia sẻ bài này", "Chọn ngày khác"],
    ),
    (
        "dantri1.html",
        "Cụ thể, trong dịp nghỉ Tết Dương lịch",
        "Trong dịp này, phà Bình Khánh",
        &["Back to top", "Quang Phong - Tùng Nguyên"],
    ),
    (
        "genk1.html",
        "Đây là quan điểm của tác giả Venkatesh Rao",
        "Sự thiếu sót trong mối quan hệ này của Amazon",
        &["Tin liên quan", "Google không muốn đấu với Amazon", "TAG:"],
    ),
    (
        "nld1.html",
        "Chiều ngày 26-12, Tòa Phúc thẩm TAND Tối cao",
        "Trung chạy đến đâm anh Việt một nhát",
        &["Giả mua vàng rồi cướp", "chủ hụi,"],
    ),
    (
        "soha1.html",
        "Can Lộ Lộ đang khiến cư dân mạng phát sốt",
        "Trong thời gian vừa qua, hai chị em nhà họ Can",
        &["Xem theo ngày tháng", "Miley Cyrus dính líu"],
    ),
    (
        "thanhnien1.html",
        "Theo cáo trạng, khoảng 16 giờ ngày 8.6.2012",
        "Nga và My khai nhận đã cùng với Thủy",
        &[">> Doanh nhân", "Từ khóa", "Tin, ảnh"],
    ),
    (
        "vnexpress1.html",
        "Tôi năm nay 29 tuổi, đã lấy vợ được 5 năm",
        "Bây giờ tôi phải làm sao cho đúng",
        &["Ý kiến của bạn", "Tin khác", "Về đầu trang"],
    ),
    (
        "zing1.html",
        "Tại Hà Nội, dòng người đổ lên khu vực nhà thờ Lớn",
        "Tương tự, tại điểm nhà thờ giáo xứ Vạn Lộc",
        &["Tin tức gần đây", "Cảnh đời thai phụ", "Xem thêm:"],
    ),
];

/// Words, lower-cased; each CJK character counts as a word of its own.
#[path = "common/score.rs"]
mod score;
use score::{body_text, overlap, words};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/html"));
    println!(
        "| page | expected words found | extracted words that are boilerplate | paragraphs (captions) | keywords | related |"
    );
    println!("|---|---|---|---|---|---|");
    let peer = dir.join("readability-peer");
    let mut cases: Vec<_> = std::fs::read_dir(&peer)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    for case in cases {
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (Ok(src), Ok(exp)) = (
            std::fs::read(case.join("source.html")),
            std::fs::read_to_string(case.join("expected.html")),
        ) else {
            continue;
        };
        let expected = words(&dom_query::Document::from(exp.as_str()).text());
        match parse_html(&src, None, None) {
            Ok(a) => {
                let got = words(&body_text(&a));
                let common = overlap(&expected, &got);
                println!(
                    "| readability-peer/{name} | {:.1}% of {} | {:.1}% of {} | {} ({}) | {} | {} |",
                    100.0 * common as f64 / expected.len().max(1) as f64,
                    expected.len(),
                    100.0 * (got.len() - common) as f64 / got.len().max(1) as f64,
                    got.len(),
                    a.paragraphs.len(),
                    captions(&a),
                    a.keywords.len(),
                    a.related.len()
                );
            }
            Err(e) => println!("| readability-peer/{name} | error: {e} | | | | |"),
        }
    }
    for (file, first, last, boiler) in PAGES {
        let path: &Path = &dir.join(file);
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        match parse_html(&bytes, None, None) {
            Ok(a) => {
                let text = body_text(&a);
                let found = [first, last].iter().filter(|s| text.contains(**s)).count();
                let seen: Vec<&&str> = boiler.iter().filter(|b| text.contains(**b)).collect();
                println!(
                    "| {file} | first+last sentences: {found}/2 | boilerplate lines seen: {} of {} {:?} | {} ({}) | {} | {} |",
                    seen.len(),
                    boiler.len(),
                    seen,
                    a.paragraphs.len(),
                    captions(&a),
                    a.keywords.len(),
                    a.related.len()
                );
            }
            Err(e) => println!("| {file} | error: {e} | | | | |"),
        }
    }
    let home = dir.join("vnexpress.hompage.html");
    if let Ok(bytes) = std::fs::read(&home) {
        match parse_html(&bytes, None, None) {
            Ok(a) => println!(
                "| vnexpress.hompage.html | parsed as an article: {:?} | | | | |",
                a.title
            ),
            Err(e) => println!("| vnexpress.hompage.html | refused: {e} | | | | |"),
        }
    }
}

fn captions(a: &NewArticle) -> usize {
    a.paragraphs
        .iter()
        .filter(|p| p.kind == docbao::model::ParagraphKind::Caption)
        .count()
}
