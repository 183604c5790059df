//! The score's floor on document frequency ([`SHARED_DF`]), on a baomoi
//! article.

use super::*;
use crate::model::{NewArticle, Paragraph};

/// baomoi-35k's "Đường sắt Nhật Bản sẵn sàng ứng phó đe dọa tấn công tên
/// lửa đạn đạo" (TTXVN), verbatim.
fn railways() -> NewArticle {
    NewArticle {
        title: TITLE.into(),
        lead: Some(LEAD.into()),
        paragraphs: vec![Paragraph::text(BODY)],
        ..Default::default()
    }
}

const TITLE: &str = "Đường sắt Nhật Bản sẵn sàng ứng phó đe dọa tấn công tên lửa đạn đạo";
const LEAD: &str = "Gần 90% công ty đường sắt lớn ở Nhật Bản đã sẵn sàng cho tình huống nhận được cảnh báo khẩn cấp của chính phủ về mối đe dọa tấn công bằng tên lửa đạn đạo của đối phương.";
const BODY: &str = "Thủ tướng Nhật Bản Shinzo Abe. Ảnh: AFP/TTXVN Điều này có nghĩa toàn bộ hệ thống vận tải công cộng của Nhật Bản sẽ bị ngừng hoạt động ngay lập tức để giảm tối đa những thiệt hại nếu xảy ra một vụ tấn công. Cuộc khảo sát trên diễn ra sau khi công ty đường sắt Tokyo Metro, vận hành một trong những hệ thống tàu điện lớn của Tokyo, đã tạm ngừng hoạt động sau khi nhận được cảnh báo về vụ phóng tên lửa đạn đạo của Triều Tiên hồi cuối tháng 4 vừa qua. Cụ thể, trong số 31 công ty đường sắt lớn nằm trong danh sách khảo sát của Kyodo, có 27 công ty cho biết sẽ tạm ngừng cung cấp dịch vụ dựa trên những thông tin được hệ thống cảnh báo J-Alert của chính phủ dựa trên công nghệ vệ tinh phát đi hoặc một hệ thống cảnh báo tương tự có tên Em-Net. Trong số đó, 9 công ty, trong đó có Tập đoàn Tokyu ở Tokyo và Công ty đường sắt Nishi-Nippon Railroad ở Fukuoka, cho biết sẽ ngừng tất cả mọi dịch vụ tàu hỏa nếu nhận được cảnh báo về một vụ phóng tên lửa cho dù họ không biết đích đến của thiết bị này. Có tổng cộng 13 công ty, bao gồm Công ty đường sắt Seibu ở Quận Saitama và Công ty Hankyu ở Osaka, cho biết sẽ ngừng các hoạt động nếu nhận được thông tin có một tên lửa đang lao đến các khu vực hoạt động của họ. Trong khi đó, 5 công ty khác cho biết cũng sẽ cân nhắc các tình huống khác để đưa ra quyết định tạm ngừng dịch vụ. Thông thường, Chính phủ Nhật Bản đầu tiên sẽ ban bố cảnh báo thông qua hệ thống J-Alert nếu nhận thấy có khả năng một tên lửa được phóng đến Nhật Bản. Nếu chính phủ sau đó xác định được tên lửa này có thể đánh trúng Nhật Bản, một cảnh báo khác sẽ được ban bố nhằm kêu gọi mọi người trú ẩn trong các tòa nhà. Hồi tháng 4 vừa qua, rất nhiều công ty đường sắt đã lên kế hoạch tạm đóng cửa trong bối cảnh gia tăng căng thẳng trên Bán đảo Triều Tiên , sau khi Bình Nhưỡng tiến hành phóng thủ tên lửa đạn đạo hôm 29/4 tiếp sau một số vụ phóng tương tự và những lo ngại gia tăng về việc Triều Tiên tiến hành vụ thử hạt nhân lần thứ 6. Các chuyên gia nhận định việc ban bố cảnh báo là cần thiết để hạn chế tối đa thiệt hại có thể xảy ra từ một cuộc tấn công. Tuy nhiên, một số chuyên gia khác nhận định việc các công ty đường sắt tạm ngừng cung cấp dịch vụ có thể có thể làm tê liệt các hoạt động tại các thành phố lớn, đặc biệt là hoạt động đi lại của người dân. TTXVN/Tin Tức";

/// The other articles of baomoi-35k (35,440) that hold each of the
/// article's candidates, by key (`phrase_df`, the article itself counted
/// out); 0 for those none holds.
const OTHERS: [(&str, u64); 34] = [
    ("ban bố", 9),
    ("bán đảo triều tiên", 152),
    ("bình nhưỡng", 559),
    ("chuyên gia", 658),
    ("công ty", 1_937),
    ("công ty đường sắt", 1),
    ("cảnh báo", 344),
    ("dịch vụ", 511),
    ("fukuoka", 7),
    ("gia tăng", 172),
    ("hệ thống", 1_221),
    ("hệ thống cảnh báo", 2),
    ("khảo sát", 157),
    ("kyodo", 29),
    ("nhận định", 277),
    ("nhật bản", 1_457),
    ("nishi nippon railroad", 1),
    ("osaka", 20),
    ("shinzo abe", 129),
    ("sẵn sàng", 320),
    ("thiệt hại", 264),
    ("thủ tướng nhật bản", 101),
    ("tiến hành", 809),
    ("tokyo", 251),
    ("triều tiên", 968),
    ("tên lửa đạn đạo", 227),
    ("tình huống", 251),
    ("tương tự", 130),
    ("tấn công", 1_105),
    ("tối đa", 201),
    ("đe dọa", 275),
    ("đe dọa tấn công", 1),
    ("đường sắt", 108),
    ("ứng phó", 47),
];

/// The article's keywords, ranked in a store of baomoi-35k's size.
fn ranked() -> Vec<String> {
    let cands = candidates(&railways());
    let others = |key: &str| OTHERS.iter().find(|o| o.0 == key).map_or(0, |o| o.1);
    let dfs: Vec<u64> = cands.iter().map(|c| others(&c.key)).collect();
    rank(&cands, &dfs, 35_440, DEFAULT_MAX)
}

#[test]
fn a_phrase_no_other_article_holds_weighs_as_one_two_others_hold_in_a_big_store() {
    let cands = candidates(&railways());
    let saitama = cands.iter().find(|c| c.display == "Quận Saitama");
    let saitama = saitama.expect("a candidate");
    let at = |df| score(saitama, 35_440, df);
    assert_eq!(at(0), at(2));
    assert_eq!(at(1), at(2));
    assert!(at(3) < at(2));
    // In a store as small as the demo's, rarity among a few counts.
    let small = |df| score(saitama, 31, df);
    assert!(small(0) > small(1) && small(1) > small(2));
    // The floor counts from 1,000 other articles on.
    assert!(score(saitama, 999, 0) > score(saitama, 999, 2));
    assert_eq!(score(saitama, 1_000, 0), score(saitama, 1_000, 2));
}

#[test]
fn a_phrase_said_once_that_no_other_article_holds_ranks_below_the_titles_threat() {
    // Ranked with the whole store's counts: "Quận Saitama", named once,
    // held by no other article, fifth above "đe dọa tấn công" (the
    // title's threat, in the title and the lead, one other article holds
    // it) without the floor.
    let kws = ranked();
    assert!(kws.iter().any(|k| k == "đe dọa tấn công"), "{kws:?}");
    assert!(!kws.iter().any(|k| k == "Quận Saitama"), "{kws:?}");
    assert_eq!(kws.len(), DEFAULT_MAX);
}
