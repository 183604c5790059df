//! Credits and bylines in captions (issue 15): each test is a real
//! baomoi-35k sentence.

use super::tests_run_ons::check;

/// A caption's credit label glued to the caption's last word ("quận Bình
/// TânẢnh: Phan Định", "mưa ngớt dầnẢnh: Phan Định") still labels a credit:
/// the photographer is no keyword, the place before the label is.
#[test]
fn a_credit_label_glued_to_the_caption_labels_a_credit() {
    check(
        &[
            "Nhiều xe chết máy trên đường Hồ Học Lãm, phường An Lạc, quận Bình TânẢnh: Phan Định Người dân trên đường Hồ Học Lãm (quận Bình Tân) che chắn bao cát cho nước không tràn vào nhà.",
            "14 giờ 30 khu vực quận 6, Bình Tân, quận 5 mưa ngớt dầnẢnh: Phan Định Đến 14 giờ 30 phút, tại một số khu vực quận 12, Gò Vấp, Tân Bình mưa ngớt dần.",
            "Nước mưa đổ ra giữa đường trên đường Huỳnh Mẫn Đạt, quận 5Ảnh: Phan Định Ảnh chụp trên đường Hồng Bàng lúc 15 giờ chiều 15.5 sau trận mưa.",
        ],
        &["phan định", "phan định ảnh", "bình tânảnh", "tânảnh"],
        &["bình tân", "huỳnh mẫn đạt"],
    );
}
