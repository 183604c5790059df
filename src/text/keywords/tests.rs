use super::*;
use crate::model::Paragraph;
fn article(title: &str, paragraphs: &[&str]) -> NewArticle {
    NewArticle {
        title: title.into(),
        paragraphs: paragraphs.iter().map(|p| Paragraph::text(*p)).collect(),
        ..Default::default()
    }
}

#[test]
fn stop_words() {
    for w in [
        "của", "các", "trong", "đã", "được", "và", "là", "có", "Của", "ĐƯỢC",
    ] {
        assert!(is_stop_word(w), "{w}");
    }
    for w in ["dân", "vận", "Thái", "bóng"] {
        assert!(!is_stop_word(w), "{w}");
    }
    // Sorted and unique, so that the list stays easy to review.
    let mut sorted = STOP_SYLLABLES.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), STOP_SYLLABLES.len());
}

#[test]
fn stop_words_never_make_a_keyword() {
    let a = article(
        "Của các trong đã được",
        &[
            "Của các trong đã được và là có. Của các trong đã được và là có. \
           Những người này đã được cho là có trong các của.",
        ],
    );
    let kws = Extractor::new().extract(&a, DEFAULT_MAX);
    assert!(kws.is_empty(), "{kws:?}");
}

#[test]
fn variants_are_one_keyword() {
    let a = article(
        "Ðảng Cộng sản họp với UBND tỉnh",
        &[
            "Đảng Cộng sản và Ubnd tỉnh bàn việc. Ðảng Cộng sản nói, UBND tỉnh nghe.",
            "Ubnd tỉnh cùng Đảng Cộng sản làm.",
        ],
    );
    let cands = candidates(&a);
    let keys: Vec<&str> = cands.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys.iter().filter(|k| **k == "đảng cộng sản").count(), 1);
    assert_eq!(keys.iter().filter(|k| **k == "ubnd tỉnh").count(), 1);
    let kws = Extractor::new().extract(&a, DEFAULT_MAX);
    let folded: Vec<String> = kws.iter().map(|k| title_key(k)).collect();
    assert!(folded.contains(&"đảng cộng sản".to_string()), "{kws:?}");
    assert!(folded.contains(&"ubnd tỉnh".to_string()), "{kws:?}");
    let mut dedup = folded.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), folded.len(), "{kws:?}");
    // The most frequent spelling wins: "UBND tỉnh" 2, "Ubnd tỉnh" 2, first seen in the title.
    assert!(kws.contains(&"UBND tỉnh".to_string()), "{kws:?}");
    assert!(kws.contains(&"Đảng Cộng sản".to_string()), "{kws:?}");
}

#[test]
fn fold_matches_title_key() {
    let mut buf = String::new();
    for w in ["Ðảng", "TP.HCM", "UBND", "Hồ", "COVID-19", "ĐẮK", "x²"] {
        fold_into(w, &mut buf);
        assert_eq!(buf, title_key(w), "{w}");
    }
}

#[test]
fn names_and_acronyms() {
    let a = article(
        "Tin sáng",
        &[
            "Hôm qua, ông Nguyễn Văn An đến TP.HCM gặp lãnh đạo HĐND tỉnh Quảng Nam. \
           Ông Nguyễn Văn An nói về Amazon.",
        ],
    );
    let names: Vec<String> = candidates(&a)
        .into_iter()
        .filter(|c| c.name)
        .map(|c| c.display)
        .collect();
    for n in [
        "Nguyễn Văn An",
        "TP.HCM",
        "HĐND tỉnh",
        "Quảng Nam",
        "Amazon",
    ] {
        assert!(names.contains(&n.to_string()), "{n} not in {names:?}");
    }
    // A sentence's first capital alone is no name.
    assert!(!names.iter().any(|n| n == "Hôm" || n == "Ông"), "{names:?}");
    let place = candidates(&a)
        .into_iter()
        .find(|c| c.key == "quảng nam")
        .unwrap();
    assert!(place.place);
}

#[test]
fn idf_prefers_rare_phrases() {
    assert!(idf(100, 0) > idf(100, 50));
    assert!((idf(0, 0) - 1.0).abs() < 1e-9);
    let mut ex = Extractor::new();
    let common = article("x", &["thời tiết nắng nóng, thời tiết nắng nóng"]);
    for _ in 0..50 {
        ex.add_document(&candidates(&common));
    }
    let a = article(
        "Tin",
        &["thời tiết nắng nóng kéo dài. thời tiết nắng nóng. cá voi xanh, cá voi xanh mắc cạn."],
    );
    let kws = ex.extract(&a, 1);
    assert_eq!(kws, vec!["cá voi xanh".to_string()]);
}

/// The keys of an article's candidates.
fn keys(a: &NewArticle) -> Vec<String> {
    candidates(a).into_iter().map(|c| c.key).collect()
}

#[test]
fn keywords_never_cut_a_word_or_a_name() {
    // The chips the issue saw (15): each cut a word or a name.
    let a = article(
        "Phó Thủ tướng Chính phủ Trịnh Đình Dũng thăm Bộ Y tế",
        &[
            "Thứ trưởng Bộ Y tế Nguyễn Thanh Long cho biết hai người nhập cảnh trái phép đã được cách ly.",
            "Theo Thứ trưởng Bộ Y tế Nguyễn Thanh Long, người nhập cảnh trái phép phải khai báo.",
            "Ngân hàng TMCP Xuất nhập khẩu Việt Nam tài trợ. Ngân hàng TMCP Xuất nhập khẩu Việt Nam cũng hỗ trợ.",
            "Cô gái kém tuổi có sở thích cắn móng tay. Cô gái kém tuổi kể sở thích cắn móng tay.",
            "Anh Nguyễn Văn A (SN 1990) và chị B (SN 1992) đọc báo Dân Việt. Dân Việt đưa tin.",
            "Phó Thủ tướng Chính phủ Trịnh Đình Dũng yêu cầu nhanh chóng hoàn thành.",
            "Trường THPT chuyên Trần Đại Nghĩa là trường chuyên; THPT chuyên Trần Đại Nghĩa là nơi thi.",
            "Chị Hoài An bình tĩnh kể lại, và Hoài An bình thản trả lời.",
        ],
    );
    let ks = keys(&a);
    for bad in [
        "tmcp xuất",
        "nhập cảnh trái",
        "cảnh trái phép",
        "y tế nguyễn thanh",
        "chính phủ trịnh đình dũng",
        "thích cắn",
        "gái kém",
        "sn",
        "dân việt",
        "thpt chuyên trần đại nghĩa là",
        "hoài an bình",
    ] {
        assert!(!ks.contains(&bad.to_string()), "{bad:?} in {ks:?}");
    }
    for good in [
        "nguyễn thanh long",
        "trịnh đình dũng",
        "nhập cảnh trái phép",
        "bộ y tế",
    ] {
        assert!(ks.contains(&good.to_string()), "{good:?} not in {ks:?}");
    }
    assert!(
        ks.iter().any(|k| k.starts_with("tmcp xuất nhập khẩu")),
        "{ks:?}"
    );
}

#[test]
fn content_words_are_names_words_and_acronyms() {
    assert_eq!(
        content_words("Bộ Y tế cho biết học sinh ở Hà Nội và TP HCM được nghỉ, EU hỗ trợ."),
        ["bộ y tế", "học sinh", "hà nội", "tp hcm", "eu", "hỗ trợ"]
    );
}
