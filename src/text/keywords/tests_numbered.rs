//! A name with its number ([`super::numbered`], issue 15): "Bệnh viện Nhi
//! Đồng 1" is one hospital, "Bệnh viện Nhi Đồng" two. The sentences are
//! baomoi-35k's.

use super::tests_next::article;
use super::tests_run_ons::keys;
use super::*;
// The rules themselves, not the guard that turns a panic into no candidates
// (`super::candidates`, the public one): a panic fails the test.
use super::candidates::candidates;

#[test]
fn a_name_is_counted_with_the_number_that_names_it() {
    let k = keys(&[
        "Trước tình trạng nguy hiểm, bệnh nhi nhanh chóng được chuyển xuống Bệnh viện Nhi \
         Đồng 1 (TP.HCM) để điều trị.",
        "Trưởng đơn vị mắt Bệnh viện Nhi Đồng 1 thông tin thêm, trước đây, có trường hợp một \
         học sinh ở Tây Ninh tới cấp cứu.",
    ]);
    assert!(k.contains(&"bệnh viện nhi đồng 1".to_string()), "{k:?}");
    // The words before the number alone are a fragment of it.
    assert!(!k.contains(&"bệnh viện nhi đồng".to_string()), "{k:?}");
    // A bracket after the number, or a verb ("thông tin"), ends the name.
    let k = keys(&[
        "Asahi cho biết ông mang 120.000 USD trong người lúc ông bị sát hại ở sân bay Kuala \
         Lumpur 2 (Malaysia) hồi tháng 2.",
    ]);
    assert!(k.contains(&"kuala lumpur 2".to_string()), "{k:?}");
}

#[test]
fn an_amount_after_a_name_is_not_its_number() {
    for text in [
        // A decimal written with a comma, which parts the number's pieces.
        "Phó Chủ nhiệm Ủy ban Kinh tế Nguyễn Đức Kiên cho rằng, để đạt mục tiêu tăng trưởng \
         GDP 6,7% năm 2017 đã đề ra thì cần tập trung vào một số giải pháp chính.",
        // A span of time.
        "Tại buổi họp báo, câu chuyện GDP 6 tháng cuối năm phải đạt 7,4% mới đạt được mục \
         tiêu đề ra cũng được đặt ra.",
        // A unit of two syllables.
        "Tàu cá bị bắt khi đang hoạt động tại khu vực biển cách đường phân định thềm lục địa \
         Việt Nam - Indonesia 18 hải lý về phía Bắc.",
        // A share.
        "Kế đến là Ý với 69%, Ba Lan 66%, Hy Lạp 65% và Tây Ban Nha là 50%.",
        // A range.
        "Cả con phố Trần Nhân Tông 7 - 8 giờ sáng tắc đường, người xe kẹt cứng.",
    ] {
        let k = keys(&[text]);
        assert!(
            !k.iter().any(|k| k.ends_with(|c: char| c.is_ascii_digit())),
            "{text}: {k:?}"
        );
    }
}

#[test]
fn a_phrase_before_a_number_votes_for_the_number() {
    let next = |paragraphs: &[&str], key: &str| {
        candidates(&article(paragraphs))
            .into_iter()
            .find(|c| c.key == key)
            .map(|c| c.next)
    };
    // "đường vành đai | 3 đoạn Mai Dịch": a noun after the number still
    // leaves it the road's number, for what follows the phrase.
    let ring = next(
        &[
            "Theo quyết định của UBND TP Hà Nội, dự án đầu tư mở rộng đường vành đai 3 đoạn \
             Mai Dịch – Cầu Thăng Long do BQL đầu tư xây dựng công trình giao thông Hà Nội làm \
             chủ đầu tư.",
            "Việc chặt cây để phục vụ cho dự án đầu tư mở rộng đường vành đai 3 đoạn Mai Dịch - \
             Cầu Thăng Long theo quyết định 3099 của UBND TP Hà Nội.",
        ],
        "đường vành đai",
    );
    assert_eq!(ring.map(|n| (n.runs, n.word)), Some((2, Next::NUMBER)));
    // "giá bán | 642 triệu đồng": an amount, no number that goes on it.
    let price = next(
        &[
            "Toyota Yaris G có giá bán 642 triệu đồng, giảm 47 triệu đồng so với trước đó.",
            "Toyota Yaris E có giá bán 592 triệu đồng, giảm 44 triệu đồng so với giá bán trước \
             đó.",
        ],
        "giá bán",
    );
    assert_eq!(price.map(|n| (n.runs, n.word)), Some((3, Next::NONE)));
}
