//! Names run into the next name or sentence with no punctuation, bodies cut
//! where their name goes on, headline stretches (issue 15, fourth pass):
//! each test is a real baomoi-35k sentence.

use super::*;
use crate::model::Paragraph;

fn keys(paragraphs: &[&str]) -> Vec<String> {
    let a = NewArticle {
        title: "Tin".into(),
        paragraphs: paragraphs.iter().map(|p| Paragraph::text(*p)).collect(),
        ..Default::default()
    };
    candidates(&a).into_iter().map(|c| c.key).collect()
}

fn check(paragraphs: &[&str], bad: &[&str], good: &[&str]) {
    let ks = keys(paragraphs);
    for b in bad {
        assert!(!ks.contains(&b.to_string()), "{b:?} in {ks:?}");
    }
    for g in good {
        assert!(ks.contains(&g.to_string()), "{g:?} not in {ks:?}");
    }
}

#[test]
fn a_country_is_parted_from_the_person_or_agency_after_it() {
    check(
        &[
            "Cùng ngày, Ngoại trưởng Iran Mohammad Javad Zarif khẳng định Tehran sẽ không đàm phán lại thỏa thuận hạt nhân.",
        ],
        &["iran mohammad javad zarif"],
        &["mohammad javad zarif"],
    );
    check(
        &[
            "Theo hãng thông tấn nhà nước Thổ Nhĩ Kỳ Anadolu, ông Erdem, nguyên Thứ trưởng Bộ Tư pháp, cùng vợ bị bắt.",
            "Thứ ba, sau khi Tổng thống Philippines Rodrigo Duterte nhậm chức đã khiến Mỹ mất đi một nước ủng hộ quan trọng.",
        ],
        &["thổ nhĩ kỳ anadolu", "philippines rodrigo duterte"],
        &["thổ nhĩ kỳ", "anadolu", "rodrigo duterte"],
    );
    // Countries that are part of a name, and given names that are countries.
    check(
        &[
            "Nhu cầu tăng mạnh ở những hãng hàng không quốc gia như Air China, China Southern, hay China Eastern Airlines.",
            "HLV Hữu Thắng gọi 23 cầu thủ lên ĐT Việt Nam. Theo Hải quân Mỹ, tàu đã cập cảng. Ca sĩ Mỹ Linh hát.",
        ],
        &["china", "eastern airlines"],
        &[
            "china eastern airlines",
            "đt việt nam",
            "hải quân mỹ",
            "ca sĩ mỹ linh",
        ],
    );
}

#[test]
fn a_place_tail_before_the_next_place_is_no_tail_of_the_place_before_it() {
    check(
        &[
            "Họ là công nhân của Công ty TNHH CN Sigma Việt Nam ở Khu công nghiệp Giao Long huyện Châu Thành. Ông Trần Văn Mướt nói vậy.",
            "Ông Nguyễn Văn A, Chủ tịch UBND huyện Châu Thành, cho biết.",
        ],
        &["giao long huyện"],
        &["giao long", "châu thành", "ubnd huyện"],
    );
}
