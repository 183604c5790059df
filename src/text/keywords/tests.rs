use super::*;
// The rules themselves, not the guard that turns a panic into no candidates
// (`super::candidates`, the public one): a panic fails the test.
use super::candidates::candidates;
use crate::model::Paragraph;
pub(super) fn article(title: &str, paragraphs: &[&str]) -> NewArticle {
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
        "Ðảng Cộng sản họp với UBND tỉnh Nam Định",
        &[
            "Đảng Cộng sản và Ubnd tỉnh Nam Định bàn việc. Ðảng Cộng sản nói, UBND tỉnh Nam Định nghe.",
            "Ubnd tỉnh Nam Định cùng Đảng Cộng sản làm.",
        ],
    );
    let cands = candidates(&a);
    let keys: Vec<&str> = cands.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys.iter().filter(|k| **k == "đảng cộng sản").count(), 1);
    assert_eq!(
        keys.iter().filter(|k| **k == "ubnd tỉnh nam định").count(),
        1
    );
    let kws = Extractor::new().extract(&a, DEFAULT_MAX);
    let folded: Vec<String> = kws.iter().map(|k| title_key(k)).collect();
    assert!(folded.contains(&"đảng cộng sản".to_string()), "{kws:?}");
    assert!(
        folded.contains(&"ubnd tỉnh nam định".to_string()),
        "{kws:?}"
    );
    let mut dedup = folded.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), folded.len(), "{kws:?}");
    // The most frequent spelling wins: "UBND tỉnh Nam Định" 2, "Ubnd tỉnh
    // Nam Định" 2, first seen in the title.
    assert!(kws.contains(&"UBND tỉnh Nam Định".to_string()), "{kws:?}");
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
        "HĐND tỉnh Quảng Nam",
        "Quảng Nam",
        "Amazon",
    ] {
        assert!(names.contains(&n.to_string()), "{n} not in {names:?}");
    }
    // A body of a place the article names with it is no name without it.
    assert!(!names.iter().any(|n| n == "HĐND tỉnh"), "{names:?}");
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

/// The keys of an article's candidates (also used by `tests_name_ends`).
pub(super) fn keys(a: &NewArticle) -> Vec<String> {
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
            // baomoi-35k's captions.
            "Tạo niềm tin nơi chàng (ảnh minh họa) Sự tin tưởng là yếu tố quan trọng. Khen chàng (ảnh minh họa) Những lời khen.",
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
        "ảnh minh họa",
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
    // Nor is the bank's name without its head, "Ngân hàng" before it every
    // time (the fifth pass, `neighbours`): a body that lost its head.
    assert!(
        !ks.iter().any(|k| k.starts_with("tmcp xuất nhập khẩu")),
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

/// Real sentences of the baomoi set (issue 15), each a kind of cut the
/// sample of auto keywords showed: none of `bad` is a candidate, every one
/// of `good` is.
fn check(paragraphs: &[&str], bad: &[&str], good: &[&str]) {
    let ks = keys(&article("Tin", paragraphs));
    for b in bad {
        assert!(!ks.contains(&b.to_string()), "{b:?} in {ks:?}");
    }
    for g in good {
        assert!(ks.contains(&g.to_string()), "{g:?} not in {ks:?}");
    }
}

#[test]
fn photo_credits_are_no_keywords() {
    check(
        &[
            "Các cán bộ, kỹ sư của nhà thầu Sumitomo Mitsui trên công trường. Ảnh: Huy Hùng/TTXVN Nhà thầu đã cơ bản hoàn thành thi công.",
            "Nơi xảy ra sự việc (Ảnh: Thanh Hùng) Sáng ngày 7/2, trao đổi với VietNamNet, bà Nguyễn Thị Bích Loan xác nhận.",
        ],
        &["huy hùng ttxvn", "huy hùng", "hùng ttxvn", "thanh hùng"],
        &["sumitomo mitsui", "nguyễn thị bích loan"],
    );
    // A credit written with no space after its colon.
    check(
        &[
            "Nhân viên một hàng vàng tại Hà Nội vẫn tất bật ghi phiếu cho khách vào khoảng 21h30. Ảnh:Minh Sơn.",
            "Một số em nhỏ cũng được phụ huynh đưa theo khi đi mua vàng buổi tối. Ảnh:Minh Sơn.",
        ],
        &["ảnh minh sơn", "minh sơn"],
        &["hà nội"],
    );
}

#[test]
fn a_name_stops_before_the_next_sentences_first_word() {
    check(
        &[
            "Navas, Ramos, Varane, Marcelo, Danilo, Casemiro, Kroos, Modric, Isco, Benzema, Ronaldo Thông số hiệp 1 Atletico.",
            "Thủ tướng Nguyễn Xuân Phúc nói chuyện với cộng đồng người Việt tại Hà Lan Nhấn mạnh Hà Lan là nước có kinh nghiệm.",
            "Vẻ mỏi mệt của Tuấn Anh Tuấn Anh vừa mới trở lại sau chấn thương.",
            "Còn ông Ryu Hang Ha, Chủ tịch KoCham, đại diện cộng đồng DN Hàn Quốc. Ông Trần Thanh Hải Ông Ryu Hang Ha đều dự.",
            "Hull 2-0 Liverpool Theo Mirror cho biết, HLV Klopp đã vô cùng tức giận.",
        ],
        &[
            "ronaldo thông",
            "hà lan nhấn",
            "tuấn anh tuấn",
            "tuấn anh tuấn anh",
            "trần thanh hải ông ryu hang ha",
            "liverpool theo mirror",
        ],
        &["ronaldo", "hà lan", "tuấn anh", "ryu hang ha", "liverpool"],
    );
}

#[test]
fn a_name_that_lost_its_family_name_or_its_given_name_is_dropped() {
    check(
        &[
            "Theo VietNamNet, Phó hiệu trưởngNguyễn Thị Bích Loan xác nhận có sự việc trên xảy ra tại trường.",
            "Danh tính cô gái được xác định là Vi Thị, trú bản Quắn.",
        ],
        &["thị bích loan", "vi thị"],
        &[],
    );
}

#[test]
fn a_foreign_name_is_parted_from_the_place_or_body_before_it() {
    check(
        &[
            "Phát biểu tại cuộc họp báo sau Hội nghị Malta, Thủ tướng Đức Angela Merkel cho biết EU đang rút ra những bài học.",
            "Tổng thống Mỹ Donald Trump có đầy đủ quyền lực để sa thải giám đốc FBI James Comey, tuy nhiên ông Comey vẫn nói.",
            "Cựu Thủ tướng Ý và cựu Chủ tịch Ủy ban Châu Âu Romano Prodi cho biết Ý phải làm tất cả.",
        ],
        &[
            "đức angela merkel",
            "mỹ donald trump",
            "fbi james comey",
            "châu âu romano prodi",
        ],
        &[
            "angela merkel",
            "donald trump",
            "james comey",
            "romano prodi",
        ],
    );
}

#[test]
fn a_bodys_qualifier_does_not_start_a_name_nor_a_stop_phrase() {
    check(
        &[
            "Nhà ga hành khách quốc tế sân bay quốc tế Đà Nẵng do Cty CP đầu tư khai thác ga Quốc tế Đà Nẵng (AHT) làm chủ đầu tư.",
            "Tình hình Đông Ukraine vẫn căng thẳng, Tình hình Đông Ukraine được bàn.",
            "Chúng tôi rất cảm ơn Hóa học Chia sẻ thêm với PV, bà Loan cho biết.",
        ],
        &[
            "quốc tế đà nẵng",
            "tình hình đông ukraine",
            "hóa học chia sẻ",
        ],
        &["đà nẵng", "đông ukraine"],
    );
}

#[test]
fn a_bodys_name_keeps_its_lowercase_words() {
    // "chính", "sự" are stop syllables, and the ends of "Tài chính", "Hình sự".
    check(
        &[
            "Bộ Tài chính vừa ban hành thông tư. Theo Bộ Tài chính, thuế sẽ giảm.",
            "Bộ luật Tố tụng Hình sự quy định rõ. Bộ luật Tố tụng Hình sự có hiệu lực.",
            "Trường ĐH Thủ Dầu Một tuyển sinh, ĐH Thủ Dầu Một thông báo.",
        ],
        &["bộ tài", "bộ luật tố tụng hình", "đh thủ dầu"],
        &["bộ tài chính", "bộ luật tố tụng hình sự", "đh thủ dầu một"],
    );
}

#[test]
fn a_lowercase_phrase_starts_and_ends_on_word_boundaries() {
    check(
        &[
            "Tỷ lệ chấp nhận sinh viên tại các trường kỹ thuật là 63. Cô chấp nhận sinh con cho ông chủ nhà.",
            "Đường sẽ phải tạm dừng thu phí dịch vụ. Việc tạm dừng thu phí dịch vụ sẽ áp dụng với đường cao tốc.",
        ],
        &["chấp nhận sinh", "tạm dừng thu"],
        &["chấp nhận"],
    );
}

#[test]
fn a_stretch_of_a_sentence_is_no_keyword() {
    check(
        &[
            "*Xe chở tôn cứa người dân. Vụ việc xảy ra, Xe chở tôn cứa 2 người trên phố.",
            "Giá vàng tăng lên mức cao nhất 2 tuần do đồng USD tiếp tục suy giảm. Giá vàng thoát đáy 5 tuần do đồng USD tụt giảm.",
            "Những ý nghĩ đó có thể khiến nàng hoàn toàn bị kích thích, khiến nàng vui.",
            "Ngôi nhà cũng tự dưng bị sập, chiếc ô tô tự dưng bốc cháy và ô tô tự dưng lao.",
            "Hull 2-0 Liverpool. TIẾT LỘ: Juergen Klopp đã quát mắng học trò. TIẾT LỘ: Juergen Klopp.",
            "Thay vào đó, tăng hương vị với các loại gia vị và thảo dược. Mẹ không thêm muối, đường, hoặc các loại gia vị mạnh vào đồ ăn của bé. Bé không nên ăn thịt, nên loại bỏ thịt.",
        ],
        &[
            "xe chở tôn cứa",
            "tuần do đồng usd",
            "khiến nàng",
            "ô tô tự dưng",
            "loại gia vị",
        ],
        &["juergen klopp", "gia vị"],
    );
    // A word set in capitals is no name (nor an acronym).
    let a = article(
        "Tin",
        &["Hull 2-0 Liverpool. TIẾT LỘ: Juergen Klopp đã quát mắng."],
    );
    assert!(
        !candidates(&a).iter().any(|c| c.name && c.key == "tiết lộ"),
        "{:?}",
        candidates(&a)
    );
}

#[test]
fn measures_and_glued_commas_break_names() {
    check(
        &[
            "Giá vàng lên gần 1218 USD/ounce Giá vàng giao tháng 8 trên sàn Comex New York tăng.",
            "Động cơ cho công suất 68 PS/100 Nm và hộp số CVT, kết quả quý IV/2016 tốt.",
            "Lãnh đạo Nga,Tổng thống Putin và Thủ tướng Nga,Tổng thống Putin đã gặp.",
        ],
        &[
            "usd ounce giá",
            "ps 100 nm",
            "iv 2016",
            "nga tổng thống putin",
        ],
        &["comex new york"],
    );
}

/// An ellipsis with no space after it parts two words, as a full stop
/// does: the name before it does not run on into the next sentence.
#[test]
fn a_glued_ellipsis_breaks_names() {
    check(
        &[
            "Chương trình thể hiện hành trình đổi thay của thành phố Điện Biên Phủ…Tác phẩm được chọn mở đầu cho đêm thơ là bài thơ nổi tiếng.",
            "Đêm thơ diễn ra tại thành phố Điện Biên Phủ...Tác phẩm thứ hai được ngâm sau đó.",
        ],
        // (Keys drop the dots: the name run on is "điện biên phủ tác".)
        &["điện biên phủ tác"],
        &["điện biên phủ"],
    );
}

#[test]
fn a_verb_between_two_names_is_no_bridge() {
    check(
        &[
            "Phạm Hương – Lệ Hằng sang Kenya kêu gọi bảo vệ loài voi. Lệ Hằng sang Kenya cùng đoàn.",
            "Ủy ban Mặt trận Tổ quốc tỉnh Quảng Ninh họp. Ủy ban Mặt trận Tổ quốc tỉnh Quảng Ninh bàn.",
        ],
        &["lệ hằng sang kenya", "hằng sang kenya"],
        &["ủy ban mặt trận tổ quốc tỉnh quảng ninh"],
    );
}

#[test]
fn vietnamese_syllables_are_told_from_foreign_ones() {
    for w in [
        "mỹ", "nguyễn", "quốc", "kim", "đắk", "hoàng", "nghiêng", "seo",
    ] {
        assert!(names::vietnamese_syllable(w), "{w}");
    }
    for w in [
        "donald", "merkel", "park", "comey", "prodi", "james", "angela",
    ] {
        assert!(!names::vietnamese_syllable(w), "{w}");
    }
}

/// [`shape::vietnamese_syllable`] looks its onsets up by first byte (issue
/// 14): the same answers as trying every onset in order, on every syllable
/// of the dictionary and a few that are none.
#[test]
fn onsets_by_first_byte_answer_as_the_list_does() {
    fn by_list(w: &str) -> bool {
        let first = w.as_bytes().first().copied();
        let rest = shape::ONSETS
            .iter()
            .filter(|o| o.as_bytes().first().copied() == first)
            .find_map(|o| w.strip_prefix(o))
            .unwrap_or(w);
        let vowels = rest.chars().take_while(|&c| shape::vowel(c)).count();
        let coda = rest.trim_start_matches(shape::vowel);
        (1..=3).contains(&vowels) && shape::CODAS.contains(&coda)
    }
    let words = include_str!("../../../assets/words-vi.txt");
    let mut n = 0;
    for w in words
        .split(|c: char| c.is_whitespace() || c == '|')
        .chain(["", "đ", "ĩa", "ngh", "gi", "qu", "ươ", "xyz", "ñ", "Đà"])
    {
        assert_eq!(tokens::vietnamese_syllable(w), by_list(w), "{w:?}");
        n += 1;
    }
    assert!(n > 50_000, "{n}");
}

/// The spellings a thread has met (`tokens::Known`, issue 14) change no
/// candidate: an article gives the same ones the first time (every spelling
/// new to the thread, a test's own) and again.
#[test]
fn known_spellings_change_no_candidate() {
    let a = article(
        "Ủy ban Mặt trận Tổ quốc tỉnh Thái Bình họp",
        &[
            "Ngày 5/3, UBND tỉnh Thái Bình và Ban Dân vận Tỉnh ủy đã họp (Ảnh: Thanh Hùng).",
            "Ông Nguyễn Khắc Thận phát biểu. TIẾT LỘ: Amazon, TP.HCM, Hùng/TTXVN.",
        ],
    );
    let first = candidates(&a);
    assert!(!first.is_empty());
    assert_eq!(candidates(&a), first);
}

// The kinds of cut the 200-draw sample of issue 15 still showed after the
// rules above, each on its corpus sentence (baomoi).

#[test]
fn punctuation_with_no_space_after_it_parts_words() {
    check(
        &[
            "Vụ việc đã khiếu nại quyết định của DOC lên Tòa Phúc thẩm Liên bang (Court of Appeals for the Federal Circuit - CAFC).Ngày 29/3/2017, căn cứ theo phán quyết của tòa, DOC đã loại trừ thuế.",
            "Sau phiên tòa, PV Pháp Luật TP.HCM(phải) đã trao tiền của bạn đọc hỗ trợ hai nông dân bị kết án.",
            "Công Phượng được chờ đợi tỏa sáng tại sân Thống Nhấttrong cuộc đọ sức với với U23 Malaysia.",
            "Lực lượng CSGT căng mình điều tiết giao thông giữa trời nắng nóng. Ảnh: zing.vn Nhiệt độ ngoài trời đạt mức kỷ lục.",
            "Diễn viên Khánh My đã tham dự sự kiện có sự góp mặt của Hoa hậu Hoàn vũ 2005 Natalie Glebova.và siêu mẫu Hà Anh được tổ chức tại TP HCM.",
        ],
        &[
            "cafc ngày",
            "pv pháp luật tp hcm phải",
            "thống nhấttrong",
            "zing vn nhiệt độ",
            "natalie glebova và",
        ],
        &["cafc", "tp hcm", "u23 malaysia", "natalie glebova"],
    );
}

#[test]
fn a_caption_label_without_a_colon_is_no_word_of_a_name() {
    check(
        &[
            "Triều Tiên giới thiệu tên lửa đạn đạo phóng từ tàu ngầm. (Nguồn: AFP/TTXVN) Nguồn Reuters, văn phòng Tổng thống Hàn Quốc ngày 12/5 cho biết.",
            "Dự án địa ốc của Tập đoàn Công nghiệp Cao su Việt Nam tại TP HCM Ảnh: TẤN THẠNH Bộ Tài chính xác định.",
            "Thị trường bất động sản của xứ sở sương mù. Ảnh minh họa: Getty Khối lượng giao dịch bất động sản tại Anh đã giảm tới 43%.",
        ],
        &[
            "nguồn reuters",
            "reuters",
            "tp hcm ảnh",
            "getty khối",
            "getty",
        ],
        &["tp hcm", "tổng thống hàn quốc", "bộ tài chính"],
    );
}

#[test]
fn a_bodys_name_is_whole_or_no_keyword() {
    check(
        &[
            // Fields joined by "và".
            "Giới chức Ủy ban Chứng khoán và Hối đoái Mỹ cho biết cơ quan này đã bắt đầu tăng cường theo dõi.",
            "Nguyên Bộ trưởng Bộ Kế hoạch và Đầu tư Bùi Quang Vinh đã nhiều lần nhắc đến động lực mới.",
            // Going on in lower case after its last capital.
            "Chiều 6/2, Ban Quản lý Khu kinh tế Dung quất đã trao giấy chứng nhận đăng ký đầu tư.",
            // A capitalised function word at its end.
            "Tính cả năm 2016 Nhiệt điện Phả Lại lãi sau thuế hơn 554 tỷ đồng.",
            // Two family names ("Phan", "Châu"): one person.
            "Sáng 7.2, tại TP.Hội An (Quảng Nam), Viện Phan Châu Trinh chính thức ra mắt.",
            // Not the end of a name when the words after begin a word.
            "Liên đoàn Bóng đá châu Á phối hợp với Liên đoàn Bóng đá Việt Nam tổ chức lễ bốc thăm.",
        ],
        &[
            "hối đoái mỹ",
            "giới chức ủy ban chứng khoán",
            "bộ kế hoạch",
            "ban quản lý khu",
            "ban quản lý",
            "nhiệt điện phả",
            "viện phan",
            "châu trinh",
            "liên đoàn bóng đá việt",
        ],
        &[
            "bộ kế hoạch và đầu tư",
            "bùi quang vinh",
            "viện phan châu trinh",
            "liên đoàn bóng đá việt nam",
        ],
    );
}

#[test]
fn a_name_cut_to_a_title_and_a_given_name_or_run_on_is_dropped() {
    check(
        &[
            "Diễn biến dịch phức tạp nhưng TS Cảm lo ngại cho biết, việc phòng chống dịch bệnh SXH vẫn còn khó khăn.",
            "Top thực phẩm giúp tăng vòng 3 tự nhiên Protein Nhóm thực phẩm chứa nhiều protein sẽ giúp cơ bắp phát triển.",
            "Màn biểu diễn cực đỉnh của Lady Gaga Màn biểu diễn của Lady Gaga tại Super Bowl kéo dài 13 phút.",
            "Trên trang cá nhân, Từ Hiểu Đông nhiều lần đánh giá thấp tiền bối. Thủ tướng Theresa May nói.",
            "Theo PGS.TS, bệnh nhân đã ổn định. Cựu Phó thủ tướng đến thăm.",
            // Two titles joined by a dash before two names.
            "Theo đó, PGS-TS Lưu Trang (phó hiệu trưởng) đã được bổ nhiệm làm hiệu trưởng \
             Trường ĐH Sư phạm Đà Nẵng thay thế PGS-TS Nguyễn Bảo Hoàng Thanh.",
        ],
        &[
            "ts cảm",
            "protein nhóm",
            "lady gaga màn",
            "hiểu đông",
            "pgs ts",
            "cựu phó",
        ],
        &["lady gaga", "super bowl", "từ hiểu đông", "theresa may"],
    );
}

#[test]
fn a_phrase_does_not_begin_or_end_on_a_function_word_or_a_verb() {
    check(
        &[
            // A preposition, a classifier at the edge.
            "Đơn nguyên Thận nhân tạo thuộc khoa Hồi sức tích cực có 18 bệnh nhân. Bệnh nhân thuộc khoa Hồi sức tích cực.",
            "Bệnh thường gặp ở trẻ dưới 5 tuổi. Cái chết của bà mẹ với đứa trẻ dưới 5 tuổi.",
            "Giám đốc FBI James Comey, người đứng đầu cuộc điều tra. Mueller là người đứng đầu cuộc điều tra này.",
            // A name going on in lower case; a verb heading a name.
            "Tổng thống Putin giải thích lý do Nga thích ông Donald Trump. Dân Nga thích Trung Quốc hay Mỹ hơn?",
            "Lam bỗng dưng muốn an ủi Hùng một điều gì đó. Lam bỗng dưng khóc.",
            "Camera ghi hình đôi nam nữ rút tiền. Camera ghi lại hình ảnh nhóm côn đồ.",
            "Tuyển Việt Nam hòa Jordan một cách tiếc nuối. Tuyển Việt Nam hòa Jordan là giỏi.",
            // A head noun, a capital that begins a word with the lowercase after.
            "Nhà thi đấu ở tỉnh Thái Bình mở cửa, người dân tỉnh Thái Bình vui mừng.",
            "Ông là hiệu trưởng Trường Tiểu học Kim Đồng. Hiệu trưởng Trường Tiểu học nói.",
        ],
        &[
            "thuộc khoa hồi sức",
            "trẻ dưới",
            "đứng đầu cuộc",
            "nga thích",
            "lam bỗng dưng",
            "camera ghi",
            "hòa jordan",
            // A school's kind without its name is cut short (`kinds::SCHOOL_LEVELS`).
            "hiệu trưởng trường tiểu học",
        ],
        &["tỉnh thái bình", "trường tiểu học kim đồng", "donald trump"],
    );
}

#[test]
fn a_measure_or_a_cut_prefix_is_no_keyword() {
    check(
        &[
            "Cơ quan chức năng thu giữ 2 tấn ngà voi. Vụ vận chuyển 2 tấn ngà voi bị phát hiện.",
            "Chiều 23/2, Bộ GTVT cho biết tàu siêu tốc sẽ chạy. Tàu siêu tốc chạy thử.",
        ],
        &["tấn ngà voi", "tàu siêu"],
        &["ngà voi"],
    );
}

#[test]
fn a_bodys_word_going_on_in_lower_case_is_no_end_of_its_name() {
    check(
        &[
            "Lễ hội Chọi trâu Đồ Sơn năm nay đông khách. Ban tổ chức Lễ hội Chọi trâu cho biết.",
            "Bộ Quốc phòng Nga tuyên bố đã bắn hạ máy bay không người lái.",
        ],
        &["lễ hội chọi"],
        &["bộ quốc phòng nga"],
    );
}

#[test]
fn a_lowercase_phrase_with_no_noun_head_is_no_keyword() {
    check(
        &[
            // An adjective heads it; a verb heads three syllables.
            "Đến 2h sáng nay, ông Thanh bất ngờ nhảy lầu tự tử. Người vợ bất ngờ nhảy sông tự vẫn giữa đêm khuya.",
            "Doanh nghiệp thường không quan tâm bảo hộ quyền tác giả, quyền liên quan nên các tài sản sở hữu trí tuệ bị sao chép. Nhà nước rất quan tâm đến việc bảo hộ quyền tác giả.",
            "Để cảm xúc bạn tự do bộc phát sẽ giúp tâm trí và cơ thể bạn cảm thấy thoải mái và thư giãn hơn (Ảnh minh họa). Để cảm xúc bạn tự do bộc phát sẽ giúp tâm trí và cơ thể bạn cảm thấy thoải mái.",
            "Ở vịnh Bắc Bộ có gió đông bắc mạnh cấp 6, giật cấp 7-8; biển động. Khu vực Bắc Biển Đông có gió đông bắc mạnh cấp 6, giật cấp 7-8.",
            // A function word (a quantifier) ends it.
            "Trong đó, ông Trump nợ ít nhất 130 triệu USD với Deutsche Bank. Nợ nhiều, nợ ít - không bằng nợ ai.",
            // Terms: a noun heads them, or a verb and its object of two syllables each.
            "Ứng phó với biến đổi khí hậu. Thích ứng với biến đổi khí hậu trong thời gian tới.",
            "Nhiều khu vực tiện ích như nhà hàng, hồ bơi, khu mua sắm và các dịch vụ khác. Một khu mua sắm hội tụ các thương hiệu thời trang.",
        ],
        &[
            "bất ngờ nhảy",
            "bảo hộ quyền",
            "giúp tâm trí",
            "mạnh cấp",
            "nợ ít",
        ],
        &["biến đổi khí hậu", "khu mua sắm", "quyền tác giả"],
    );
}

#[test]
fn a_bodys_name_that_goes_on_in_lower_case_is_no_keyword() {
    check(
        &[
            // A noun after the capitals: the name goes on.
            "Bộ Công Thương thừa nhận có việc cán bộ thuộc Trung tâm Hỗ trợ xuất khẩu thuộc Cục Xúc tiến thương mại đi lễ chùa. Báo cáo nhanh từ Cục Xúc tiến thương mại cho biết.",
            "Ban An toàn giao thông tỉnh đã hỗ trợ 5 triệu đồng/nạn nhân tử vong. Ngay từ đầu năm 2016, Ban An toàn giao thông (ATGT) của huyện đã quyết liệt vào cuộc.",
            // A verb after them: the name is whole.
            "Để chủ động phòng chống bệnh Tay chân miệng, Bộ Y tế khuyến cáo người dân cần rửa tay. Bộ Y tế khuyến cáo các biện pháp phòng, tránh bệnh thủy đậu.",
        ],
        &["cục xúc tiến", "ban an toàn"],
        &["bộ y tế"],
    );
}

#[test]
fn a_part_of_the_day_or_a_function_word_heads_no_name() {
    check(
        &[
            "Ngày 22-6-2017 Sáng Ngữ văn 120 phút Chiều Toán 90 phút. Ngày 23-6-2017 Sáng Khoa học tự nhiên 150 phút Chiều Toán 90 phút.",
            "Toàn Việt Nam nằm trong rìa của vùng thấp đấy nên nắng nóng rộng khắp. Việt Nam nắng nóng.",
            "Ông Phết Ta Von Phi La Văn nhấn mạnh: Lào - Việt Nam là hai nước anh em. Ông Phết Ta Von Phi La Văn nói.",
        ],
        &["chiều toán", "toàn việt nam", "la văn"],
        &["việt nam"],
    );
}

#[test]
fn a_body_keeps_its_head_and_a_verb_or_a_title_heads_no_name() {
    check(
        &[
            // A body's head before an acronym.
            "Theo Sở GTVT Hà Nội, sau ngày 10/2, nếu các đơn vị vận tải không đưa xe vào hoạt động, Sở GTVT Hà Nội sẽ xử lý theo quy định hiện hành.",
            // A verb before a name.
            "Trong một tuyên bố với CNN, Qatar cáo buộc Saudi Arabia và UAE vi phạm tinh thần của các thỏa thuận. Qatar cáo buộc Saudi Arabia.",
            "Chủ tịch nước Trần Đại Quang đã tiếp Đoàn đại biểu Hội Hữu nghị đối ngoại Nhân dân Trung Quốc. Phó Chủ tịch Quốc hội Tòng Thị Phóng bày tỏ vui mừng được đón tiếp Đoàn đại biểu người có uy tín.",
            // A title and a given name alone; a foreign word and a person.
            "Thượng tá Tuấn cho biết, chưa thấy cơ quan điều tra báo cáo. Thượng tá Tuấn cho biết, ngay sau khi có thông tin về sự việc.",
            "Nhiều chàng trai để lại bình luận trong Facebook Bùi Huyền Trang. Bùi Huyền Trang đăng ảnh.",
        ],
        &[
            "gtvt hà nội",
            "cáo buộc saudi arabia",
            "tiếp đoàn đại biểu",
            "thượng tá tuấn",
            "facebook bùi huyền trang",
        ],
        &["sở gtvt hà nội", "saudi arabia", "bùi huyền trang"],
    );
}

#[test]
fn a_headline_beginning_on_a_verb_does_not_join_the_name_after_it() {
    let a = article(
        "Cách chức Cục trưởng Cục Thống kê Gia Lai",
        &["Cục trưởng Cục Thống kê Gia Lai bị cách chức. Cục Thống kê Gia Lai họp."],
    );
    let ks = keys(&a);
    assert!(!ks.iter().any(|k| k.starts_with("cách chức ")), "{ks:?}");
    assert!(
        ks.contains(&"cục trưởng cục thống kê gia lai".to_string()),
        "{ks:?}"
    );
}

#[test]
fn a_body_without_its_head_or_a_head_without_its_body_is_no_keyword() {
    check(
        &[
            "Sa thải phóng viên trái luật, đài PT-TH Đắk Nông thua kiện. Anh Hoài được ký hợp đồng lao động 3 năm với đài PT-TH Đắk Nông.",
            "Cảnh sát PCCC TP.HCM đã tham mưu cho UBND TP ban hành các văn bản. Qua công tác kiểm tra, Cảnh sát PCCC TP.HCM phát hiện 5 cơ sở vi phạm.",
            "Cựu giám đốc Cục điều tra liên bang Mỹ (FBI) James Comey ngày 10/5 đã viết một bức tâm thư. Cựu giám đốc Cục điều tra liên bang Mỹ (FBI) James Comey.",
        ],
        &["pt-th đắk nông", "pccc tp.hcm", "cựu giám đốc cục"],
        &["james comey", "ubnd"],
    );
}

#[test]
fn a_verb_ending_a_phrase_or_an_adverb_heading_a_name_makes_no_keyword() {
    check(
        &[
            "Cô hiệu trưởng ngồi taxi làm gãy chân trò, sao chưa rõ. Câu chuyện về cô hiệu trưởng ngồi trên xe taxi đi vào sân trường.",
            "Rõ ràng Phương Nga chấp nhận một cuộc đổi chác để có cuộc sống nhàn. Rõ ràng Phương Nga thừa nhận cô là người thứ ba.",
        ],
        &["hiệu trưởng ngồi", "rõ ràng phương nga"],
        &["phương nga"],
    );
}

#[test]
fn two_names_the_runs_parted_are_no_phrase() {
    check(
        &[
            "Cuối tuần trước, ứng cử viên tổng thống Pháp Marine Le Pen đã khởi động chiến dịch tranh cử. Các nhà đầu tư đang khá quan ngại với những dấu ấn của ứng viên Tổng thống Pháp Marine Le Pen.",
        ],
        &["pháp marine le pen"],
        &["marine le pen"],
    );
}

#[test]
fn a_name_ends_on_no_conjunction_and_no_syllable_without_a_vowel() {
    check(
        &[
            "Chỉ còn Cần Thơ đã có phương án được Bộ Nông nghiệp và Phát triển nông thôn thẩm định. Hiệp hội kiến nghị Bộ Nông nghiệp và Phát triển nông thôn và các cơ quan liên quan.",
            "Người phụ trách là ông Nguyễn Hữu Ph. Ông Nguyễn Hữu Ph cho biết.",
        ],
        &["bộ nông nghiệp và", "nguyễn hữu ph"],
        &[],
    );
}

#[test]
fn vs_parts_names_and_an_acronym_does_not_run_into_the_next_sentence() {
    check(
        &[
            "Ibrahimovic Vs Everton 12. Ibrahimovic Vs Everton 12.",
            "Pogba và Bailly đang là 2 mẫu cầu thủ cá tính của MU Hai là tự bồi dưỡng một cái tên. Pogba rời MU Hai năm sau.",
            "Chất lượng lại không bằng, ĐB Nhường nói. ĐB Nhường hỏi thêm, đường sắt cao tốc của nước ta.",
        ],
        &["ibrahimovic vs everton", "mu hai", "đb nhường"],
        &["everton"],
    );
}

#[test]
fn a_verb_and_its_object_in_the_title_is_a_topic() {
    // Two headlines of the baomoi set.
    let a = article(
        "Trinh sát đột kích bắt cặp vợ chồng và em dâu buôn ma túy",
        &["Giải cứu 2 cháu bé, bắt kẻ buôn ma túy nhiều tiền án."],
    );
    let ks = keys(&a);
    assert!(ks.contains(&"buôn ma túy".to_string()), "{ks:?}");
}
