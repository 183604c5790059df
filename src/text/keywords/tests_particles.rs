//! Foreign names with a lower-case word inside them ([`super::particles`],
//! issue 15). The sentences are baomoi-35k's.

use super::tests_next::article;
// The rules themselves, not the guard that turns a panic into no candidates.
use super::candidates::candidates;

/// The keys the article of these paragraphs counts as names, and all its
/// keys.
fn names_and_keys(paragraphs: &[&str]) -> (Vec<String>, Vec<String>) {
    let all = candidates(&article(paragraphs));
    let names = all
        .iter()
        .filter(|c| c.name)
        .map(|c| c.key.clone())
        .collect();
    (names, all.into_iter().map(|c| c.key).collect())
}

/// The article of this paragraph names `whole`, and no key of it is one
/// of `parts`.
fn whole_not_parts(text: &str, whole: &str, parts: &[&str]) {
    let (names, all) = names_and_keys(&[text]);
    assert!(names.iter().any(|k| k == whole), "{whole}: {names:?}");
    for part in parts {
        assert!(!all.iter().any(|k| k == part), "{part} of {whole}: {all:?}");
    }
}

#[test]
fn a_particle_between_foreign_capitals_is_part_of_the_name() {
    for (text, whole, parts) in [
        (
            "Cảnh sát Pháp sáng nay sơ tán một phần nhà ga số hai tại sân bay Charles de Gaulle, \
             sau khi tìm thấy một hành lý khả nghi gần nơi kiểm tra hộ chiếu.",
            "charles de gaulle",
            &["charles", "gaulle"][..],
        ),
        (
            "Người được chọn thay thế cho vị trí này là Phó thái tử Mohammed bin Salman, hãng \
             thông tấn nhà nước Saudi Arabia đưa tin.",
            "mohammed bin salman",
            &["mohammed", "salman"],
        ),
        (
            "Sau trận đấu, Jelena Karleusa, vợ của Dusko Tosic đã lăng mạ Robin van Persie trên \
             mạng xã hội.",
            "robin van persie",
            &["robin", "persie"],
        ),
        (
            "Huyền thoại của MU, cựu thủ thành Edwin van der Sar hiện đang đảm nhiệm chức vụ Giám \
             đốc Marketing của Ajax Amsterdam.",
            "edwin van der sar",
            &["edwin", "sar"],
        ),
        (
            "Tour de France hiện đại kéo dài trong 23 ngày, trong đó có 2 ngày nghỉ, trải qua một \
             hành trình dài 3.500 km.",
            "tour de france",
            &["france"],
        ),
        (
            "Phiến quân Maute bắt đầu trỗi dậy vào năm 2013, sau vụ đánh bom hộp đêm ở thành phố \
             Cagayan de Oro giáp với Mindanao, khiến 6 người thiệt mạng.",
            "cagayan de oro",
            &["cagayan", "oro"],
        ),
        (
            "Ở lĩnh vực phim truyền hình, người được vinh danh không ai khác ngoài Fabian Wagner, \
             nhà quay phim lừng danh của series truyền hình đình đám Game of Thrones.",
            "game of thrones",
            &["thrones"],
        ),
        (
            "Hồi giữa tuần, hãng Disney lựa chọn công viên Disneyland Thượng Hải, Trung Quốc làm \
             nơi tổ chức buổi công chiếu đầu tiên trên toàn cầu dành cho bom tấn Pirates of the \
             Caribbean: Salazar’s Revenge.",
            "pirates of the caribbean",
            &["caribbean", "pirates"],
        ),
        // A word spelt as a Vietnamese syllable could be, without a mark,
        // before the particle: read as foreign, the name's first word.
        (
            "Nhiều VĐV giành huy chương đã thay đổi quốc tịch ngay trước thềm Olympic Rio de \
             Janeiro hồi năm ngoái.",
            "olympic rio de janeiro",
            &["janeiro", "olympic rio"],
        ),
        // A Filipino's and an Italian's particle.
        (
            "Đó là lúc quân đội Philippines chiếm ưu thế”, thiếu tướng Ronald dela Rosa nói.",
            "ronald dela rosa",
            &["ronald", "rosa"],
        ),
        (
            "Điểm nhấn của hành trình này là đoạn đường giữa Praiano và Positano, và cả Grotta \
             dello Smeraldo – một hang động với làn nước màu ngọc bích tựa như đang tỏa sáng.",
            "grotta dello smeraldo",
            &["grotta", "smeraldo"],
        ),
        (
            "Người ta lo ngại Van der Sar sẽ đóng vai trò trung gian móc nối cho vụ mua bán “ma \
             quỷ” này.",
            "van der sar",
            &["der sar", "van", "sar"],
        ),
    ] {
        whole_not_parts(text, whole, parts);
    }
}

#[test]
fn an_arabic_name_with_its_article_in_lower_case_is_a_name() {
    for (text, whole, wrong) in [
        (
            "CNN dẫn thông tin từ một báo cáo của tổ chức nhân quyền Amnesty cáo buộc chính quyền \
             Bashar al-Assad đã hành quyết 13.000 người tại nhà tù Saydnaya ở phía bắc thủ đô \
             Damascus.",
            "bashar al assad",
            &["bashar"][..],
        ),
        (
            "Tháng 10/2001, Mỹ đưa quân sang Afghanistan với mục đích phá vỡ sào huyệt tổ chức \
             khủng bố al-Qaeda tại quốc gia Nam Á này.",
            "al qaeda",
            &["khủng bố al qaeda"],
        ),
        // Not an acronym's name: the group and its leader are two.
        (
            "Trước đó hồi tháng 6, một số phương tiện truyền thông từng đưa tin thủ lĩnh IS \
             al-Baghdadi đã bị tiêu diệt trong cuộc không kích ở Raqqa.",
            "al baghdadi",
            &["is al baghdadi"],
        ),
    ] {
        whole_not_parts(text, whole, wrong);
    }
}

#[test]
fn vietnamese_words_between_names_join_nothing() {
    // "du", "da", "la" are Vietnamese syllables too: between capitals that
    // spell Vietnamese they stay words of their own (a headline's "Công du
    // | Trung Đông", "went on a visit to the Middle East").
    let (_, all) = names_and_keys(&["Công du Trung Đông, Tổng thống Trump cài đặt lại chính \
                                     sách của Mỹ"]);
    assert!(
        !all.iter().any(|k| k.contains("công du trung đông")),
        "{all:?}"
    );
    // A syllable of six letters without its marks is read as foreign by
    // its spelling ("Nghinh"), and is still a Vietnamese name's: only a
    // particle and the word it joins stop counting as Vietnamese.
    let (names, _) = names_and_keys(
        &["Năm 1985 phía Đài Loan sản xuất bộ phim truyền hình Nhất \
                                       đại nữ hoàng với vai Võ Tắc Thiên từ trẻ đến già được nữ \
                                       diễn viên Phan Nghinh Tử thể hiện đầy thành công."],
    );
    assert!(names.iter().any(|k| k == "phan nghinh tử"), "{names:?}");
}

#[test]
fn an_acronym_an_arabic_name_follows_each_time_is_whole() {
    // Every "IS" is followed by "al-Baghdadi": the group's name does not go
    // on into its leader's.
    let (names, _) = names_and_keys(&[
        "Trước đó hồi tháng 6, một số phương tiện truyền thông từng đưa tin thủ lĩnh IS \
         al-Baghdadi đã bị tiêu diệt trong cuộc không kích ở Raqqa.",
        "Phát biểu với báo giới tại thành phố Cagayan de Oro, Tổng thống Duterte tiết lộ thủ lĩnh \
         IS al-Baghdadi đã đích thân ra lệnh tiến hành các hành động khủng bố tại Philippines.",
    ]);
    assert!(names.iter().any(|k| k == "is"), "{names:?}");
    assert!(names.iter().any(|k| k == "al baghdadi"), "{names:?}");
}

#[test]
fn a_joined_particle_makes_no_headline_title_case() {
    // Four capitals of five with "bin" counted, three without: a headline
    // with its names, not a title-case one (whose names are not read).
    let a = crate::model::NewArticle {
        title: "Mohammed bin Salman thăm Mỹ".into(),
        paragraphs: vec![crate::model::Paragraph::text(
            "Chuyến thăm diễn ra trong hai ngày.",
        )],
        ..Default::default()
    };
    let names: Vec<String> = candidates(&a)
        .into_iter()
        .filter(|c| c.name)
        .map(|c| c.key)
        .collect();
    assert!(
        names.iter().any(|k| k == "mohammed bin salman"),
        "{names:?}"
    );
}

#[test]
fn vietnamese_typed_without_marks_joins_nothing() {
    // Without its marks "là" is "la": in a reader's comment typed so,
    // "Liverpool la Chelsea" is "Liverpool is Chelsea", two names; the
    // article's own paragraphs are written with marks.
    let (_, all) = names_and_keys(&[
        "Đội bóng thành phố cảng đã thắng liên tiếp ba trận tại giải Ngoại hạng Anh.",
        "Doi thu tiep theo cua Liverpool la Chelsea, tran dau dien ra vao cuoi tuan nay.",
    ]);
    assert!(!all.iter().any(|k| k.contains("liverpool la")), "{all:?}");
}

#[test]
fn an_english_article_keeps_a_person_and_a_club_apart() {
    // In English, "of" parts a person from the club they play for.
    let (names, _) = names_and_keys(&[
        "Mohamed Salah of Liverpool scored twice on Saturday, and Thomas Müller said after the \
         match that the whole team had played well against a strong side.",
        "The manager praised the players and said they would need the same effort next week \
         when the club travels to London for another difficult game.",
    ]);
    assert!(!names.iter().any(|k| k.contains("salah of")), "{names:?}");
}

/// A model's code in lower case goes on the foreign name before it:
/// "Hyundai Grand i10", "Intel Core i5", not "Hyundai Grand" nor "Intel
/// Core".
#[test]
fn a_models_code_in_lower_case_goes_on_the_name() {
    let (names, keys) = names_and_keys(&[
        "Hyundai Grand i10 đang là mẫu xe cỡ nhỏ bán chạy nhất Việt Nam. Hyundai Grand i10 bản sedan có giá 400 triệu đồng.",
        "Máy dùng chip Intel Core i5 thế hệ thứ 7, Intel Core i5 cho hiệu năng ổn định.",
    ]);
    for whole in ["hyundai grand i10", "intel core i5"] {
        assert!(
            keys.contains(&whole.to_string()),
            "{whole:?} not in {keys:?} ({names:?})"
        );
    }
    for cut in ["hyundai grand", "intel core"] {
        assert!(!keys.contains(&cut.to_string()), "{cut:?} in {keys:?}");
    }
    // A code without a vowel is left out: the name stays.
    let (_, keys) = names_and_keys(&["BMW x5 là mẫu SUV bán chạy. BMW x5 có giá 4 tỷ đồng."]);
    assert!(keys.contains(&"bmw".to_string()), "{keys:?}");
}

/// A short foreign name (no f, j, w, z, under six letters), no Vietnamese syllable's shape,
/// alone between words in lower case is a name ("Messi", "Apple",
/// "Qatar": the old test, six letters or an f, j, w, z, missed them); a
/// Vietnamese syllable alone is a given name, none. Not a product's last
/// word after its code ("iPhone 6s | Plus", "Ducati 848 | Evo"), nor a title written short
/// ("Mr"), a letter ("anh Đ"), a word after a dash ("Jackpot - | Mega"), nor
/// a Roman numeral ("khóa XIV"). (A word before a number that is no designator, "Mega | 6/45",
/// is still read as a name: the clause ends at the number.)
#[test]
fn a_short_foreign_name_alone_is_a_name() {
    let (names, _) = names_and_keys(&[
        "Ngay cả Lionel Messi của Barca cũng chỉ có được mùa giải thứ 9 liên tiếp ghi được 20 bàn/mùa, còn Messi thì không.",
        "Mặc dù iPhone 7 ra mắt cách đây vài tháng, chỉ đến khi Apple công bố thống kê tài chính giai đoạn kỳ nghỉ cuối năm 2016.",
        "Một tuần trước nữa, anh cũng ghi một bàn trong trận giao hữu của Barcelona ở Qatar, trước đội chủ nhà Al Ahli.",
        "Anh Lan cho biết ông Hùng đã về.",
    ]);
    for name in ["messi", "apple", "qatar", "barca"] {
        assert!(names.iter().any(|k| k == name), "{name}: {names:?}");
    }
    for given in ["lan", "hùng"] {
        assert!(!names.iter().any(|k| k == given), "{given}: {names:?}");
    }
    let (names, _) = names_and_keys(&[
        "Theo quảng cáo của các cửa hàng này, hình thức của iPhone 6s Plus lock vẫn gần như mới.",
        "Trong số đó có ví dụ không thể thiếu chính là chiếc Ducati 848 Evo có sức mạnh 140 mã lực.",
        "Đại diện cho điện ảnh châu Á là ba phim Mr Long và On the Beach at Night Alone.",
        "Ảnh: Mr True Tào phớ Sau khi thưởng thức món cháo trắng, bạn có thể tráng miệng.",
        "Ủy ban Thường vụ Quốc hội khóa XIV vừa thông qua 3 Nghị quyết tại phiên họp thứ 6.",
        "Dù được lập tức đưa đi cấp cứu nhưng do vết thương quá nặng, anh Đ đã tử vong trên đường đến bệnh viện.",
        "Vietlott đã tổ chức buổi Lễ trao giải Jackpot - Mega 6/45 các kỳ quay số mở thưởng.",
    ]);
    for part in ["plus", "evo", "mr", "xiv", "đ", "mega"] {
        assert!(!names.iter().any(|k| k == part), "{part}: {names:?}");
    }
}

/// A function word foreign names begin with, written without marks, in mid-clause, is a foreign
/// name's first word before a capitalised foreign word: "Kia Morning", "Sao Paulo", not "Morning"
/// alone. Another function word is not: "Theo" before a source where a caption ran on.
#[test]
fn a_function_word_before_a_foreign_word_in_mid_clause_begins_the_name() {
    for (text, whole, part) in [
        (
            "Chevrolet Spark 2017, đối thủ của Hyundai i10 và Kia Morning mới sẽ chính thức trình \
             làng tại thị trường Đông Nam Á vào đầu tháng 4/2017.",
            "kia morning",
            "morning",
        ),
        (
            "Chiếc Kia Morning và Hyundai Grand i10 đỗ ẩu trên đường hẹp khiến xe khách không thể \
             đi qua, gây ách tắc.",
            "kia morning",
            "morning",
        ),
        (
            "Ông Giorgio Romano, điều phối viên nghiên cứu mối quan hệ quốc tế thuộc đại học liên \
             bang ABC (UFABC) tại Sao Paulo (Brazil) cảnh báo một trong những hậu quả từ kế hoạch \
             xây dựng cơ bản của ông Trump sẽ là làm gia tăng nợ công của Mỹ.",
            "sao paulo",
            "paulo",
        ),
    ] {
        whole_not_parts(text, whole, &[part]);
    }
    // "Theo" heads a source where a caption runs on into the next sentence.
    let (names, _) = names_and_keys(&[
        "Xử lý tin tức giả mạo được xem là vấn đề cấp bách với Facebook hiện nay Theo Reuters, \
         Facebook sẽ hợp tác cùng với 8 cơ quan tin tức lớn nhất tại Pháp, trong một biện pháp \
         nhằm xác định tin tức giả mạo một cách chính xác hơn.",
    ]);
    assert!(names.iter().any(|k| k == "reuters"), "{names:?}");
}

/// Capitalised words joined by hyphens, none Vietnamese nor a country, are one name on their own:
/// "VN-Index", "HNX-Index"; a pair of countries or of Vietnamese words is not ("Israel-Palestine",
/// "Bắc-Nam").
#[test]
fn capitalised_words_joined_by_hyphens_are_a_name() {
    let (names, _) = names_and_keys(&[
        "Ngoài ra, một số mã lớn khác như nhóm ngân hàng, bảo hiểm, dầu khí cũng nhanh chóng đảo \
         chiều, khiến VN-Index quay đầu và mất mốc 700 điểm.",
        "Trên HNX, diễn biến của HNX-Index tích cực hơn so với VN-Index khi giằng co trên mốc tham \
         chiếu.",
    ]);
    for name in ["vn index", "hnx index"] {
        assert!(names.iter().any(|k| k == name), "{name}: {names:?}");
    }
    // Two countries, and two Vietnamese words, are no such name.
    for (text, pair) in [
        (
            "Tổ chức phi chính phủ Peace Now của Israel có nhiệm vụ thực hiện các chiến dịch để thúc \
             đẩy hòa bình Israel-Palestine, cho biết sẽ đệ đơn lên Tòa án tối cao Israel phản đối \
             luật này.",
            "israel palestine",
        ),
        (
            "“Nếu dành toàn bộ nguồn tiền này để đầu tư cao tốc Bắc-Nam thì tất cả dự án sẽ phải \
             dừng lại do không có tiền triển khai.",
            "bắc nam",
        ),
    ] {
        let (names, _) = names_and_keys(&[text]);
        assert!(!names.iter().any(|k| k == pair), "{names:?}");
    }
}
