//! An ampersand between two words of a name joins them, as "và" does
//! (issue 15): "Sở GD & ĐT Hà Nội" is no "Sở GD" and "ĐT Hà Nội". In a
//! headline it parts two things ("MU & Real"). The sentences are
//! baomoi-35k's.

use super::candidates::candidates;
use super::tests_next::article;
use super::tests_run_ons::keys;
use crate::model::{NewArticle, Paragraph};

/// The keys the article of these paragraphs counts as names.
fn names(paragraphs: &[&str]) -> Vec<String> {
    candidates(&article(paragraphs))
        .into_iter()
        .filter(|c| c.name)
        .map(|c| c.key)
        .collect()
}

#[test]
fn an_ampersand_joins_the_words_of_one_name() {
    for (text, whole, cut) in [
        (
            "Bộ Giáo dục và Đào tạo (GD & ĐT) yêu cầu Sở GD & ĐT Hà Nội xác minh trách \
             nhiệm, xử lý vi phạm của các tổ chức và cá nhân.",
            "sở gd và đt hà nội",
            &["sở gd", "đt hà nội", "gd"][..],
        ),
        (
            "Sáng 9/6 tại Quy Nhơn, Bộ NN & PTNT đã phối hợp với UBND tỉnh Bình Định tổ \
             chức hội nghị chuyên đề.",
            "bộ nn và ptnt",
            &["bộ nn", "ptnt"][..],
        ),
        (
            "Thứ trưởng Bộ Thông tin & Truyền thông Nguyễn Minh Hồng đánh giá cao nội dung \
             ký kết.",
            "bộ thông tin và truyền thông",
            &["bộ thông tin"][..],
        ),
        (
            "Minh Hằng ghi điểm với bộ trang phục nhiều màu sắc của Dolce & Gabbana.",
            "dolce và gabbana",
            &["dolce", "gabbana"][..],
        ),
        (
            "Năm 2007, vợ chồng tỷ phú Bill Gates đã đến Việt Nam và có những hoạt động thiện \
             nguyện liên quan đến Quỹ Bill & Melinda Gates do vợ chồng ông sáng lập.",
            "quỹ bill và melinda gates",
            &["quỹ bill", "melinda gates"][..],
        ),
    ] {
        let named = names(&[text]);
        assert!(named.iter().any(|k| k == whole), "{text}: {named:?}");
        let all = keys(&[text]);
        for c in cut {
            assert!(!all.iter().any(|k| k == c), "{text}: {c} in {all:?}");
        }
    }
}

/// Written with "&" or with "và", a name is one keyword.
#[test]
fn a_name_with_an_ampersand_is_the_name_with_va() {
    let with =
        names(&["Công bố thủ tục hành chính thuộc thẩm quyền quản lý Sở Kế hoạch & Đầu tư."]);
    let va = names(&["Công bố thủ tục hành chính thuộc thẩm quyền quản lý Sở Kế hoạch và Đầu tư."]);
    assert!(
        with.iter().any(|k| k == "sở kế hoạch và đầu tư"),
        "{with:?}"
    );
    assert_eq!(with, va);
}

/// Two persons an ampersand joins stay two; so do a headline's two things.
#[test]
fn an_ampersand_parts_two_persons_and_a_headlines_two_things() {
    let text = "Trên thiệp ghi rõ: “Đàm Vĩnh Hưng & Dương Triệu Vũ: 14 năm 9 tháng”, được \
                lồng thêm đường viền trái tim.";
    let named = names(&[text]);
    for k in ["đàm vĩnh hưng", "dương triệu vũ"] {
        assert!(named.iter().any(|n| n == k), "{k}: {named:?}");
    }
    assert!(!named.iter().any(|n| n.contains(" và ")), "{named:?}");
    for title in [
        "MU & Real làm “bom tấn đôi”: 130 triệu bảng cho Bale & James",
        "Conte & Chelsea 3-4-3: Hồi sinh 2 kẻ thất bại ở NHA",
    ] {
        let a = NewArticle {
            title: title.into(),
            paragraphs: vec![Paragraph::text("Bài viết.")],
            ..Default::default()
        };
        let k: Vec<String> = candidates(&a).into_iter().map(|c| c.key).collect();
        assert!(!k.iter().any(|k| k.contains(" và ")), "{title}: {k:?}");
    }
}
