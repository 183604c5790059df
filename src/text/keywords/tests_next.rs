//! What follows a phrase's runs ([`Next`], issue 15): the summary each
//! article gives the store, which adds them up to tell a phrase that goes
//! on with the same word from a whole one. The sentences are baomoi-35k's.

use super::*;
// The rules themselves, not the guard that turns a panic into no candidates
// (`super::candidates`, the public one): a panic fails the test.
use super::candidates::candidates;
use crate::model::Paragraph;

/// An article of these paragraphs (also used by `tests_numbered`).
pub(super) fn article(paragraphs: &[&str]) -> NewArticle {
    NewArticle {
        title: "Tin".into(),
        paragraphs: paragraphs.iter().map(|p| Paragraph::text(*p)).collect(),
        ..Default::default()
    }
}

/// The summary of what follows `key` in an article of these paragraphs.
fn next_of(paragraphs: &[&str], key: &str) -> Next {
    let cands = candidates(&article(paragraphs));
    match cands.iter().find(|c| c.key == key) {
        Some(c) => c.next,
        None => panic!(
            "{key:?} not among {:?}",
            cands.iter().map(|c| &c.key).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn the_majority_vote_merges_and_judges() {
    let a = Next::one(7);
    let b = Next::one(9);
    // Two runs, one word each: no lead.
    assert_eq!(
        a.merge(b),
        Next {
            runs: 2,
            word: 7,
            votes: 0
        }
    );
    // Four runs after 7 and one after 9: 7 leads by three.
    let four = [a; 4].into_iter().fold(Next::default(), Next::merge);
    let five = four.merge(b);
    assert_eq!(
        five,
        Next {
            runs: 5,
            word: 7,
            votes: 3
        }
    );
    assert!(five.goes_on(), "four in five after the same word");
    // Three after 7 and two after 9: no longer.
    assert!(!five.remove(a).merge(b).goes_on());
    // Taking an article back out: its runs and its votes.
    assert_eq!(
        five.remove(Next {
            runs: 2,
            word: 7,
            votes: 2
        }),
        Next {
            runs: 3,
            word: 7,
            votes: 1
        }
    );
    // Two runs after one word go on; one run is too few, and a lead of
    // nothing that goes on is none.
    assert!(a.merge(a).goes_on());
    assert!(!a.goes_on());
    let none = [Next::one(Next::NONE); 5]
        .into_iter()
        .fold(Next::default(), Next::merge);
    assert!(!none.goes_on());
    // The order of the merges does not change who leads.
    assert_eq!(
        b.merge(four),
        Next {
            runs: 5,
            word: 7,
            votes: 3
        }
    );
}

#[test]
fn a_body_going_on_in_lower_case_votes_for_its_next_word() {
    // "Cục Nghệ thuật | biểu diễn", "Ủy ban An ninh | và Quốc phòng": the
    // same word after every run ("và" before a capital goes on a body).
    let m = next_of(
        &[
            "Cục Nghệ thuật biểu diễn vừa có văn bản gửi Sở Văn hóa. Cục Nghệ thuật biểu diễn yêu cầu dừng chương trình.",
        ],
        "cục nghệ thuật",
    );
    assert_eq!((m.runs, m.votes), (2, 2));
    assert_ne!(m.word, Next::NONE);
    // ("Bộ Kế hoạch | và Đầu tư" is on the not-keywords list: no candidate.)
    let k = next_of(
        &[
            "Chủ tịch Ủy ban An ninh và Quốc phòng của Thượng viện Nga Viktor Ozerov cho biết nước này sẽ xem xét kỹ lưỡng cáo buộc Qatar bảo trợ khủng bố.",
            "Chủ tịch Ủy ban An ninh và Quốc phòng của Thượng viện Nga Viktor Ozerov nói “Mỹ hay bất cứ nước nào khác đều không muốn đe dọa các hoạt động hàng không Nga”.",
        ],
        "ủy ban an ninh",
    );
    assert_eq!((k.runs, k.votes), (2, 2));
    assert_ne!(k.word, Next::NONE);
}

/// A hospital's department and a branch of study are named as a body is,
/// their field capitalised on its first word only: "Khoa Thận | nhân
/// tạo", "ngành An toàn | thông tin", "Khoa Nhiễm | – Thần kinh".
#[test]
fn a_department_going_on_votes_for_its_next_word() {
    for (text, key) in [
        (
            "Sự việc đáng tiếc trên xảy ra tại Khoa Thận nhân tạo vào ngày 29.5. Có 2 bác sĩ Khoa Thận nhân tạo, một bác sĩ chuyên chống độc và một bác sĩ dị ứng.",
            "khoa thận",
        ),
        (
            "Học viện tiếp tục tuyển sinh 600 sinh viên ngành An toàn thông tin. So với 2 ngành An toàn thông tin và CNTT, ngành mới Điện tử Viễn thông được tuyển ít hơn.",
            "ngành an toàn",
        ),
        (
            "Từ đầu tháng 1 đến nay, Khoa Nhiễm – Thần kinh tiếp nhận 24 trẻ nhập viện điều trị thủy đậu. Mới đây, Khoa Nhiễm – Thần kinh, Bệnh viện Nhi đồng 1 ghi nhận trường hợp một trẻ bị biến chứng.",
            "khoa nhiễm",
        ),
    ] {
        let m = next_of(&[text], key);
        assert_eq!((m.runs, m.votes), (2, 2), "{key}");
        assert_ne!(m.word, Next::NONE, "{key}");
    }
}

/// A run whose last syllable makes a word with the next, in lower case,
/// ends inside that word whatever the word: "Ngành Công | nghệ", "Ngành
/// Công | thương" are one vote ([`Next::IN_WORD`]), so "Ngành Công" goes on. Where the
/// run ends on a word of two syllables, the next may begin a word of its
/// own ("quan hệ đối tác | chiến lược", though "tác chiến" is a word): it
/// votes for itself.
#[test]
fn a_run_that_ends_inside_a_word_votes_so_whatever_the_word() {
    let m = next_of(
        &[
            "Ngành Công nghệ thông tin, An toàn thông tin, Kỹ thuật điện tử xét tuyển khối D01.",
            "Trước đó, thông tin cán bộ Ngành Công thương đi lễ chùa trong giờ hành chính được phản ánh.",
        ],
        "ngành công",
    );
    assert_eq!((m.runs, m.word, m.votes), (2, Next::IN_WORD, 2));
    assert!(m.goes_on());
    let k = next_of(
        &[
            "Ông Hiroyuki Ishige bày tỏ rằng, trong bối cảnh quan hệ đối tác chiến lược sâu rộng hai nước đang phát triển tốt đẹp, JETRO mong muốn hỗ trợ.",
            "Bộ trưởng Subhash Bhamre tuyên bố Ấn Độ và Việt Nam có mối quan hệ đối tác chiến lược và hợp tác quốc phòng.",
        ],
        "quan hệ đối tác",
    );
    assert_eq!(k.runs, 2);
    assert_ne!(k.word, Next::IN_WORD);
    assert_ne!(k.word, Next::NONE);
}

/// A function word the run's last syllable makes a word with is inside that word too:
/// "Công Thương-Tài | chính" ("chính" alone is a function word), so the run goes on.
#[test]
fn a_run_that_ends_inside_a_word_of_a_function_word_votes_so() {
    let m = next_of(
        &[
            "Trước đó, liên bộ Công Thương-Tài chính đã công bố giá cơ sở các mặt hàng xăng, dầu áp dụng từ 17 giờ ngày 5/7.",
            "Thông báo của liên bộ Công Thương-Tài chính, từ 15 giờ ngày 20/5, các mặt hàng xăng, dầu trong nước tiếp tục điều chỉnh, với mức giảm từ 6-343 đồng/lít, kg.",
        ],
        "công thương tài",
    );
    assert_eq!((m.runs, m.word, m.votes), (2, Next::IN_WORD, 2));
    assert!(m.goes_on());
}

#[test]
fn another_name_a_place_or_a_verb_after_a_name_does_not_go_on_it() {
    // A person after a title and a country, a person's family name after a
    // title or a body.
    for (text, key) in [
        (
            "Tổng thống Nga Vladimir Putin cho biết. Tổng thống Nga Vladimir Putin đã gặp ông Abe.",
            "tổng thống nga",
        ),
        (
            "Thủ tướng Thường trực Trương Hòa Bình chủ trì. Thủ tướng Thường trực Trương Hòa Bình yêu cầu các bộ.",
            "thủ tướng thường trực",
        ),
        (
            "Thứ trưởng Bộ Y tế Nguyễn Thanh Long cho biết. Bộ Y tế Nguyễn Thanh Long yêu cầu các sở.",
            "bộ y tế",
        ),
        // A country after a phrase.
        (
            "Nhiều lô hàng hóa Trung Quốc kém chất lượng bị thu giữ. Các lô hàng hóa Trung Quốc được tiêu hủy.",
            "lô hàng hóa",
        ),
        // A verb after a person: what he did, not the rest of his name.
        (
            "Thượng nghị sĩ Christopher Coons nói rằng ông lo ngại. Christopher Coons nói thêm rằng Quốc hội sẽ xem xét.",
            "christopher coons",
        ),
    ] {
        let n = next_of(&[text], key);
        assert!(n.runs >= 1, "{key}: {n:?}");
        assert_eq!(n.word, Next::NONE, "{key}: {n:?}");
    }
    // A person's name that goes on with a word its last syllable begins
    // does ("Trạm Vũ | trụ Quốc tế").
    let n = next_of(
        &[
            "Các phi hành gia trên Trạm Vũ trụ Quốc tế đã trở về. Trạm Vũ trụ Quốc tế bay quanh Trái đất.",
        ],
        "trạm vũ",
    );
    assert_eq!((n.runs, n.votes), (2, 2), "{n:?}");
}

#[test]
fn a_lowercase_phrase_going_on_votes_and_the_clause_end_does_not() {
    let n = next_of(
        &[
            "Công ty bán hàng đa cấp bị phạt. Nhiều người tham gia bán hàng đa cấp đã mất tiền.",
            "Bán hàng đa cấp trái phép vẫn diễn ra.",
        ],
        "bán hàng",
    );
    // "bán hàng | đa" three times: the lead goes on.
    assert_eq!((n.runs, n.votes), (3, 3));
    let e = next_of(
        &["Ông kêu gọi chống biến đổi khí hậu. Thế giới cần chống biến đổi khí hậu."],
        "khí hậu",
    );
    assert_eq!((e.runs, e.word), (2, Next::NONE), "{e:?}");
}

#[test]
fn a_phrase_that_goes_on_holds_its_place_and_is_not_returned() {
    let a = article(&[
        "Bộ Giao thông vận tải yêu cầu kiểm tra. Theo Bộ Giao thông vận tải, dự án chậm tiến độ.",
        "Dự án cao tốc Trung Lương chậm tiến độ vì thiếu vốn. Dự án cao tốc cần thêm vốn.",
    ]);
    let cands = candidates(&a);
    let dfs = vec![0; cands.len()];
    let all = rank(&cands, &dfs, 100, 2);
    assert_eq!(all.len(), 2);
    let blocked = rank_blocking(&cands, &dfs, 100, 2, |c| c.display == all[0]);
    assert_eq!(
        blocked,
        all[1..].to_vec(),
        "the next candidate does not move up"
    );
}

#[test]
fn a_free_phrase_is_lowercase_of_two_syllables_or_more_and_no_dictionary_word() {
    // Sentences of baomoi articles whose one-off phrases were auto keywords.
    let a = article(&[
        "Lịch trình bận rộn khiến ông Marc Overmars mệt mỏi. Lịch trình bận rộn kéo dài.",
        "Người dân thôn Đống Chanh lấn chiếm vỉa hè. Thôn Đống Chanh có nhiều vỉa hè hẹp.",
    ]);
    let cands = candidates(&a);
    let free = |display: &str| {
        let c = cands
            .iter()
            .find(|c| c.display == display)
            .unwrap_or_else(|| panic!("{display} is no candidate: {cands:#?}"));
        free_phrase(&c.display, &c.key)
    };
    // Most of its runs start a sentence: shown with a capital.
    assert!(free("Lịch trình bận rộn"), "no dictionary word");
    assert!(!free("vỉa hè"), "a dictionary word");
    assert!(!free("Marc Overmars"), "a name");
    assert!(!free("Thôn Đống Chanh"), "a phrase with a capital inside");
    assert!(
        !free_phrase("Co-founder", "co founder"),
        "one word as written"
    );
}

#[test]
fn a_word_a_segmenters_vocabulary_holds_is_no_free_phrase() {
    // baomoi-35k: "Mưa lớn gây lở đất", "tẩm xăng đốt trọ"; Viet74K has
    // neither, JVnTextPro's vocabulary "lở đất", VnCoreNLP's "tin tặc".
    assert!(!free_phrase("lở đất", "lở đất"));
    assert!(!free_phrase("Tin tặc", "tin tặc"), "at a sentence's start");
    assert!(free_phrase("tẩm xăng", "tẩm xăng"));
    assert!(
        free_phrase("lở đất nặng", "lở đất nặng"),
        "the whole phrase is looked up"
    );
}

#[test]
fn a_candidate_the_article_mentions_once_needs_company() {
    let mut a = article(&[
        "Theo đại úy Nguyễn Hữu Khang, đám cháy được khống chế. Ông Trần Đức Lâm có mặt.",
        "Ông Trần Đức Lâm báo cáo vụ cháy tại chợ Long Biên, gần tỉnh Hưng Yên.",
    ]);
    a.title = "Cháy lớn tại chợ Long Biên".into();
    let cands = candidates(&a);
    let needs = |display: &str| {
        let c = cands
            .iter()
            .find(|c| c.display == display)
            .unwrap_or_else(|| panic!("{display} is no candidate: {cands:#?}"));
        needs_company(c)
    };
    assert!(needs("Nguyễn Hữu Khang"), "one mention, in the body");
    assert!(!needs("Trần Đức Lâm"), "two mentions");
    assert!(!needs("chợ Long Biên"), "in the title");
    assert!(!needs("Hưng Yên"), "a place after its administrative word");
    let once = cands.iter().find(|c| c.display == "Nguyễn Hữu Khang");
    assert_eq!(once.map(|c| company_needed(c, 35_000)), Some(2));
}

#[test]
fn a_body_going_on_past_a_dash_votes_for_the_word_after_it() {
    // baomoi-35k's "Viện Huyết học – Truyền máu".
    let text = "Viện Huyết học – Truyền máu Trung ương kêu gọi hiến máu. Viện Huyết học – Truyền máu Trung ương cho biết.";
    let m = next_of(&[text], "viện huyết học");
    assert_eq!((m.runs, m.votes), (2, 2));
    assert_ne!(m.word, Next::NONE);
    // Where a name goes on after the dash, the two joined are the name
    // (`runs::count_names`), the body before the dash none.
    let text = "Tập đoàn Than - Khoáng sản Việt Nam tăng sản lượng. Tập đoàn Than - Khoáng sản Việt Nam cho biết.";
    let keys: Vec<String> = candidates(&article(&[text]))
        .into_iter()
        .map(|c| c.key)
        .collect();
    assert!(
        keys.contains(&"tập đoàn than khoáng sản việt nam".to_string()),
        "{keys:?}"
    );
    assert!(!keys.iter().any(|k| k == "tập đoàn than"), "{keys:?}");
}

#[test]
fn past_a_dash_another_body_a_title_or_an_acronym_does_not_go_on_it() {
    for (text, key) in [
        (
            "Cục Hàng không - Bộ Giao thông đã nhắc nhở. Cục Hàng không - Bộ Giao thông yêu cầu.",
            "cục hàng không",
        ),
        (
            "Công ty Chứng khoán Bảo Việt - BVSC dự báo. Công ty Chứng khoán Bảo Việt - BVSC cho rằng.",
            "công ty chứng khoán bảo việt",
        ),
        (
            "Đại diện Tổng công ty Hàng hải - Chủ tịch Nguyễn Văn A phát biểu. Đại diện Tổng công ty Hàng hải - Chủ tịch Nguyễn Văn A nói.",
            "tổng công ty hàng hải",
        ),
        (
            "Đại diện Tổng công ty Hàng hải - Ông Lê Văn Tám phát biểu. Đại diện Tổng công ty Hàng hải - Ông Lê Văn Tám nói.",
            "tổng công ty hàng hải",
        ),
        // A new sentence after the dash.
        (
            "Hội nghị do Cục Hàng không. – Truyền thông đưa tin rộng rãi. Cục Hàng không. – Truyền thông khen ngợi.",
            "cục hàng không",
        ),
        // No body's name: a person, then what they are called.
        (
            "Ông Lê Văn Tám - Kỳ tích của làng được kể lại. Ông Lê Văn Tám - Kỳ tích của làng được in.",
            "lê văn tám",
        ),
    ] {
        let m = next_of(&[text], key);
        assert_eq!(m.word, Next::NONE, "{key}: {m:?}");
    }
}

#[test]
fn a_letter_alone_is_no_candidate() {
    // baomoi-35k's "J" of "J. Edgar Hoover", "F" of a list of letters.
    let cands = candidates(&article(&[
        "Giám đốc FBI đầu tiên là J. Edgar Hoover, phục vụ 48 năm. Kể từ khi J. Edgar Hoover trở thành giám đốc FBI đầu tiên, cơ quan này lớn mạnh.",
        "Biển số dùng lần lượt một trong các chữ cái A, B, C, D, E, F, G, H, K. Chữ cái F được cấp cho cơ quan nào?",
    ]));
    let keys: Vec<&str> = cands.iter().map(|c| c.key.as_str()).collect();
    assert!(!keys.iter().any(|k| k.len() == 1), "{keys:?}");
    assert!(keys.contains(&"edgar hoover"), "{keys:?}");
}

#[test]
fn words_set_in_capitals_beside_marked_ones_are_no_acronyms() {
    // baomoi-35k's shouted sentence, its "DANH" an auto keyword.
    let cands = candidates(&article(&[
        "Mẹ chồng em đấy chị. \"TEAM KHÔNG HỐI HẬN KHI LẤY CHỒNG ĐIỂM DANH! Mẹ chồng em đấy chị\", cô viết. Cô được NSND Lan Hương và UBND TP khen.",
        "Bài viết của cô được chia sẻ. ĐIỂM DANH những người mẹ chồng tốt bụng: NSND Lan Hương nói vậy.",
        "Đội bóng CLB MU thắng trận. Trận này CLB MU dẫn trước.",
    ]));
    let shown: Vec<&str> = cands.iter().map(|c| c.display.as_str()).collect();
    for cut in ["DANH", "KHI"] {
        assert!(!shown.contains(&cut), "{cut}: {shown:?}");
    }
    // Read in lower case, the words are words; acronyms no syllable
    // spells, and capitals with no mark beside them, stay acronyms.
    assert!(cands.iter().any(|c| c.key == "điểm danh"), "{shown:?}");
    // ("NSND" is read as the title it is, parted from the name.)
    assert!(shown.contains(&"Lan Hương"), "{shown:?}");
    assert!(shown.iter().any(|s| s.contains("UBND")), "{shown:?}");
    // Capitals a syllable spells, with no marked word beside them: acronyms.
    assert!(
        cands.iter().any(|c| c.name && c.display.contains("MU")),
        "{shown:?}"
    );
}

#[test]
fn a_bodys_fields_listed_with_commas_are_one_name() {
    // baomoi-35k's "Ủy ban Khoa học" and "Cục Xuất bản", keywords cut at
    // the comma, and a ministry written either way.
    let keywords = |text: &str| {
        let cands = candidates(&article(&[text]));
        let dfs = vec![1; cands.len()];
        rank(&cands, &dfs, 1000, 20)
    };
    for (text, whole) in [
        (
            "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội đã họp. Ủy ban Khoa học, Công nghệ và Môi trường đề nghị bổ sung.",
            "Ủy ban Khoa học Công nghệ và Môi trường",
        ),
        (
            "Cục Xuất bản, In và Phát hành cho biết đã thu hồi cuốn sách. Theo Cục Xuất bản, In và Phát hành, sách in sai.",
            "Cục Xuất bản In và Phát hành",
        ),
        (
            "Bộ Lao động, Thương binh và Xã hội cho biết đã chi trả. Bộ Lao động, Thương binh và Xã hội đề nghị các tỉnh rà soát.",
            "Bộ Lao động Thương binh và Xã hội",
        ),
    ] {
        let kws = keywords(text);
        assert!(kws.iter().any(|k| k == whole), "{whole}: {kws:?}");
        let cut = whole.split(' ').take(3).collect::<Vec<_>>().join(" ");
        assert!(!kws.contains(&cut), "{cut}: {kws:?}");
    }
    // A list of bodies, of people: no body's fields.
    let kws = keywords(
        "Bộ Y tế, Bộ Công an và Bộ Quốc phòng cùng ký. Đại diện Sở Xây dựng, UBND quận Hải Châu và Công an thành phố dự họp. Bộ trưởng Nguyễn Văn Thể, Thứ trưởng Lê Đình Thọ và ông Nguyễn Ngọc Đông dự. Lên tiếng có Bộ Ngoại giao Mỹ, Nga và Pháp.",
    );
    for apart in ["Bộ Y tế", "Sở Xây dựng", "Bộ Công an"] {
        assert!(kws.iter().any(|k| k == apart), "{apart}: {kws:?}");
    }
    assert!(
        !kws.iter().any(|k| ["Y tế Bộ", "dựng UBND", "Mỹ Nga"]
            .iter()
            .any(|p| k.contains(p))),
        "{kws:?}"
    );
}

#[test]
fn a_form_of_address_after_a_places_marker_is_the_places() {
    // baomoi-35k's "Rịa-Vũng Tàu" and "Huyện Thanh Quan", "Bà" taken off
    // as a form of address.
    let cands = candidates(&article(&[
        "UBND tỉnh Bà Rịa-Vũng Tàu tổ chức ngày hội. Dự án casino tại tỉnh Bà Rịa-Vũng Tàu được duyệt.",
        "Quán cà phê trên đường Bà Huyện Thanh Quan đông khách. Đường Bà Huyện Thanh Quan rợp bóng cây.",
        "Bà Nguyễn Thị Kim Ngân phát biểu. Bà Nguyễn Thị Kim Ngân cho biết như vậy.",
        "Công an phường Cầu Ông Lãnh tiếp nhận vụ việc. Công an phường Cầu Ông Lãnh đã xác minh.",
    ]));
    let shown: Vec<&str> = cands.iter().map(|c| c.display.as_str()).collect();
    for whole in [
        "Bà Rịa-Vũng Tàu",
        "Bà Huyện Thanh Quan",
        "Nguyễn Thị Kim Ngân",
        "Cầu Ông Lãnh",
    ] {
        assert!(shown.contains(&whole), "{whole}: {shown:?}");
    }
    for cut in [
        "Rịa-Vũng Tàu",
        "Huyện Thanh Quan",
        "Bà Nguyễn Thị Kim Ngân",
        "Công an phường Cầu",
        "Ông Lãnh",
    ] {
        assert!(!shown.contains(&cut), "{cut}: {shown:?}");
    }
}
