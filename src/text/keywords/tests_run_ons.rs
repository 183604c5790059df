//! Names run into the next name or sentence with no punctuation, bodies cut
//! where their name goes on, headline stretches (issue 15, fourth pass):
//! each test is a real baomoi-35k sentence.

use super::*;
// The rules themselves, not the guard that turns a panic into no candidates
// (`super::candidates`, the public one): a panic fails the test.
use super::candidates::candidates;
use crate::model::Paragraph;

/// The candidates' keys of an article of these paragraphs (also used by
/// `tests_numbered`).
pub(super) fn keys(paragraphs: &[&str]) -> Vec<String> {
    let a = NewArticle {
        title: "Tin".into(),
        paragraphs: paragraphs.iter().map(|p| Paragraph::text(*p)).collect(),
        ..Default::default()
    };
    candidates(&a).into_iter().map(|c| c.key).collect()
}

/// `bad` are not among the article's keys, `good` are (also used by
/// `tests_neighbours`).
pub(super) fn check(paragraphs: &[&str], bad: &[&str], good: &[&str]) {
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
    // A country of one syllable before a full Vietnamese name.
    check(
        &[
            "Đại sứ Việt Nam tại Mỹ Phạm Quang Vinh đã gặp Phó Thống đốc bang Maryland Boyd Rutherford.",
        ],
        &["mỹ phạm quang vinh"],
        &["phạm quang vinh"],
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
            "mỹ linh",
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
        &["giao long", "châu thành", "ubnd huyện châu thành"],
    );
}

#[test]
fn a_bodys_name_is_whole_with_its_place_and_cut_without_it() {
    check(
        &[
            "KTNN cũng điều chỉnh giảm quyết toán chi phí KCB quý I, II/2016 tại Bệnh viện Đa khoa tỉnh Hòa Bình hơn 1,45 tỷ đồng.",
            "Sau đó, tôi đã xin nghỉ việc tại Công ty, BHXH quận Thanh Xuân đã chốt sổ bảo hiểm cho tôi.",
        ],
        &["bệnh viện đa khoa tỉnh", "bhxh quận"],
        &[
            "bệnh viện đa khoa tỉnh hòa bình",
            "hòa bình",
            "bhxh quận thanh xuân",
            "thanh xuân",
        ],
    );
    // A district by its number is a place too.
    check(
        &["Chiều 5/4, UBND quận 3 cho biết sẽ xử lý các vi phạm lấn chiếm vỉa hè."],
        &["ubnd quận"],
        &[],
    );
    // No place after it in the article: the body of the province the
    // article is about.
    check(
        &["Ông Bạch Chơn Đông, Phó giám đốc Sở Nội vụ tỉnh cho biết."],
        &["sở nội vụ"],
        &["sở nội vụ tỉnh"],
    );
    // Not a person after it, nor a place that goes on past a dash.
    check(
        &[
            "Chủ tịch UBND tỉnh Nguyễn Văn Trì đề nghị các cấp ủy Đảng, chính quyền hăng hái trồng cây.",
            "Theo UBND tỉnh Thừa Thiên - Huế, tháng đầu tiên của năm 2017, toàn tỉnh đón 229.000 khách.",
        ],
        &["ubnd tỉnh nguyễn văn trì", "ubnd tỉnh thừa thiên"],
        &["nguyễn văn trì"],
    );
    check(
        &[
            "Theo UBND tỉnh Thừa Thiên - Huế, tháng đầu tiên của năm 2017, toàn tỉnh đón 229.000 khách.",
        ],
        &["ubnd tỉnh"],
        &[],
    );
    check(
        &[
            "Chủ tịch UBND tỉnh Nguyễn Văn Trì đề nghị các cấp ủy Đảng, chính quyền hăng hái trồng cây.",
        ],
        &[],
        &["ubnd tỉnh"],
    );
    let a = NewArticle {
        title: "Tin".into(),
        paragraphs: vec![Paragraph::text(
            "Chủ tịch UBND tỉnh Nguyễn Văn Trì đề nghị các cấp ủy Đảng hăng hái trồng cây.",
        )],
        ..Default::default()
    };
    let person = candidates(&a)
        .into_iter()
        .find(|c| c.key == "nguyễn văn trì");
    assert!(person.is_some_and(|c| !c.place), "a person, not a place");
    // Nor a body that lost its head, joined with its place ("Cơ quan |
    // CSĐT Công an tỉnh | Đồng Nai"); but one run that lost it leaves the
    // others whole ("Văn phòng | UBND huyện | Mỹ Đức").
    check(
        &[
            "Ngày 7-2, Cơ quan CSĐT Công an tỉnh Đồng Nai đã ra thông báo truy tìm tung tích nạn nhân.",
            "Cơ quan CSĐT Công an tỉnh Đồng Nai đã khám nghiệm hiện trường, tử thi.",
        ],
        &["csđt công an tỉnh đồng nai", "csđt công an tỉnh"],
        &["đồng nai"],
    );
    check(
        &[
            "Trao đổi với báo chí, ông Trịnh Xuân Viết - Chánh Văn phòng UBND huyện Mỹ Đức - cho biết.",
            "UBND TP giao UBND huyện Mỹ Đức ban hành thông báo thu hồi đất.",
        ],
        &["ubnd huyện"],
        &["ubnd huyện mỹ đức"],
    );
    // A word that ends on a place's marker is none: an agency, a regime.
    check(
        &[
            "Theo Tân Hoa xã, ở làng Shishe, tỉnh Chiết Giang có một gia đình đặc biệt. Tân Hoa xã cho biết thêm.",
            "Phim kể chuyện thời Đức Quốc xã. Đức Quốc xã thua trận năm 1945.",
            "Theo thông tin từ Bộ Nông nghiệp và Phát triển Nông thôn, trong tháng Một thị trường hạt tiêu trong nước kém sôi động.",
        ],
        &[],
        &[
            "tân hoa xã",
            "đức quốc xã",
            "bộ nông nghiệp và phát triển nông thôn",
        ],
    );
}

#[test]
fn a_school_named_by_a_place_keeps_it_and_no_firm_runs_into_the_next_sentence() {
    check(
        &[
            "Khen thưởng em Nguyễn Thị Lan Anh - học sinh lớp 4A, Trường Tiểu học Thạch Văn đã có hành động đẹp.",
            "Một thanh niên nhảy lầu tự tử ngay trong khu vui chơi trẻ em ở AEON MALL Bình Tân Sự việc xảy ra vào khoảng 21h30 tối chủ nhật.",
            "Theo TS Nguyễn Văn Thông, BV Trung ương Quân đội 108, bệnh nhân đã ổn định.",
        ],
        &["trường tiểu học", "aeon mall bình tân sự việc"],
        &[
            "trường tiểu học thạch văn",
            "aeon mall bình tân",
            "bv trung ương quân đội",
        ],
    );
}

#[test]
fn a_title_cased_stretch_on_a_verb_is_no_name() {
    check(
        &[
            "Bộ Giáo dục và Đào tạo (GDĐT) vừa ra Quyết định số 196/QĐ-BGDĐT về việc Phê duyệt Phần mềm “Xây dựng Thực đơn Cân bằng Dinh dưỡng”.",
        ],
        &["phê duyệt phần mềm"],
        &["thực đơn cân bằng dinh dưỡng"],
    );
}

#[test]
fn a_name_and_what_it_did_is_no_phrase() {
    check(
        &[
            "Là một thị trường tiềm năng nhưng chưa được khai thác, châu Phi kêu gọi các nền kinh tế phát triển và mới nổi. Châu Phi kêu gọi đầu tư.",
            "Đồng USD khởi sắc trở lại sau khi nước Mỹ công bố một số thông tin tích cực. Nước Mỹ công bố số liệu việc làm.",
        ],
        &["châu phi kêu gọi", "nước mỹ công bố"],
        &["châu phi", "nước mỹ"],
    );
}

#[test]
fn an_acronym_does_not_run_into_a_verb_opening_the_next_sentence() {
    check(
        &[
            "Máy bay chiến đấu Sukhoi SU-35 cất cánh trong chuyến bay thử. Ảnh: AFP-TTXVN Phát biểu tại cuộc họp của Đảng Nước Nga thống nhất tại Duma Quốc gia, ông nói.",
            "Theo NASA Công bố sứ mệnh chạm Mặt Trời, tàu sẽ bay vào năm 2018.",
        ],
        &["afp ttxvn phát biểu", "nasa công bố"],
        &["nasa"],
    );
}

#[test]
fn a_headlines_first_verb_is_no_word_of_the_name_after_it() {
    check(
        &[
            "Vẽ Trần Quốc Toản bằng bút chì là bài tập của học sinh lớp 5.",
            "Thắng Atletico, Real Madrid vào chung kết Champions League.",
        ],
        &["vẽ trần quốc toản", "thắng atletico"],
        &["trần quốc toản", "atletico"],
    );
    // A body's head, or a place, at a sentence's start stays.
    check(
        &[
            "Tập đoàn Hòa Phát cho biết sản lượng thép tăng mạnh trong tháng 5.",
            "Lai Châu có mưa lớn. Gia Lai có nắng nóng.",
        ],
        &[],
        &["tập đoàn hòa phát", "lai châu", "gia lai"],
    );
}

#[test]
fn a_common_noun_for_people_is_no_word_of_the_name_after_it() {
    check(
        &[
            "Bản thân Công Phượng cũng phải cạnh tranh quyết liệt với những đồng đội tài năng ở U23 Việt Nam.",
            "Giới chức Hàn Quốc nói rằng họ có bằng chứng đáng kể về các hoạt động chiến tranh mạng của Triều Tiên.",
            "Trong lần trò chuyện với vợ chồng Hill, khi đang trên đường quay về ngoại ô bang New Hampshire, họ thấy ánh sáng chói.",
            "Sau đó vợ chồng Hill quay lại xe và phóng nhanh ra khỏi vùng ánh sáng bí ẩn.",
            "Vợ chồng Đan Trường - Thủy Tiên sở hữu nhiều tài sản triệu đô.",
        ],
        &[
            "bản thân công phượng",
            "giới chức hàn quốc",
            "vợ chồng hill",
            "vợ chồng đan trường",
        ],
        &["công phượng", "hàn quốc", "đan trường"],
    );
    // A capital after a lowercase syllable is no noun for people: the
    // bridge "cầu Thủ Thiêm 2" is not "cầu thủ".
    check(
        &[
            "Thành phố đầu tư 4 tuyến đường tại Thủ Thiêm, cầu Thủ Thiêm 2 theo hình thức BT.",
            "Cầu Thủ Thiêm 2 được làm theo tiến độ thi công các hạng mục.",
        ],
        &[],
        &["cầu thủ thiêm"],
    );
}

#[test]
fn a_form_of_address_or_an_occupation_is_no_word_of_the_name_after_it() {
    check(
        &[
            "Em Lê Kiều Linh, trường THCS Thành Công (quận Đống Đa, Hà Nội) đạt giải nhì Cuộc thi.",
            "Diễn viên Ngọc Trinh có mặt từ rất sớm ở phiên tòa.",
        ],
        &["em lê kiều linh", "diễn viên ngọc trinh"],
        &["lê kiều linh", "ngọc trinh"],
    );
    // Unless the form of address makes a word with the lowercase syllable
    // after it: "Cụ thể" (in detail), "Thầy trò" (a coach and his team).
    check(
        &[
            "Cụ thể Bảo Duy chia sẻ trên trang cá nhân của mình những dòng tâm sự.",
            "Em út Super Junior ăn trong say mê.",
            "Thầy trò Hữu Thắng đặt mục tiêu lọt vào vòng chung kết Asian Cup 2019.",
        ],
        &["thể bảo duy", "út super junior", "trò hữu thắng"],
        &["bảo duy", "super junior", "hữu thắng"],
    );
}

#[test]
fn a_child_called_by_a_form_of_address_is_no_keyword_with_it() {
    // "cháu Nghĩa" (the child Nghĩa) seen five times: a stretch, not a term;
    // so is kin before a name ("vợ Suarez"): the name is the keyword.
    check(
        &[
            "Cơ quan điều tra phối hợp với gia đình tìm kiếm cháu Nghĩa nhưng đến 2 giờ sáng vẫn chưa có kết quả.",
            "Sau đó mẹ cháu ra gọi vào ăn cơm nhưng không còn thấy cháu Nghĩa đâu nữa.",
            "Có khả năng hai người phụ nữ này là thủ phạm bắt cóc cháu Nghĩa.",
            "Gia đình trình báo đến công an thị xã Ba Đồn về việc cháu Nghĩa mất tích.",
            "Trước khi mất tích, cháu Nghĩa mang quần đùi, áo pull trắng.",
            "Bức ảnh vợ Suarez đăng tải nhận được nhiều lượt thích, vợ Suarez cho biết.",
        ],
        &["cháu nghĩa", "vợ suarez"],
        &["suarez"],
    );
}

#[test]
fn a_ministrys_name_cut_after_its_first_field_is_no_keyword() {
    check(
        &[
            "Thanh tra Bộ đã gọi điện trực tiếp cho lãnh đạo Sở Văn hóa, Thể thao và Du lịch Yên Bái để chỉ đạo.",
            "Theo thống kê từ Sở Văn hóa, Thể thao và Du lịch Vĩnh Phúc, đến hết ngày mùng 4 Tết đã có nhiều du khách.",
            "Điểm đến thuộc địa phận huyện A Lưới (Thừa Thiên - Huế). Theo UBND tỉnh Thừa Thiên - Huế, toàn tỉnh đón nhiều khách.",
            "Các trường báo cáo kết quả về Bộ Giáo dục và Đào tạo trước ngày 10/02/2017.",
        ],
        &["sở văn hóa", "thừa thiên"],
        &["bộ giáo dục và đào tạo", "a lưới"],
    );
}

#[test]
fn a_vice_ministers_office_is_whole() {
    // "Thứ" is a stop word ("thứ hai"): the office began after it, and its
    // field was cut from it ("Ngoại giao Mỹ"). It is one as "Bộ trưởng
    // Ngoại giao Mỹ" is; before a ministry or a person, the title goes.
    check(
        &[
            "Hãng tin đưa tin Đại sứ Sergei Kislyak cùng Thứ trưởng Ngoại giao Mỹ Thomas Shannon ngày 3/7 đã thảo luận về tiến trình chuẩn bị cho cuộc gặp.",
            "Thứ trưởng Bộ Công an Bùi Văn Nam trả lời phỏng vấn báo chí tại Đối thoại Shangri-La 2017.",
            "Theo quy chế thi, Thứ trưởng Bộ GD-ĐT Bùi Văn Ga cho biết chỉ những thí sinh đã tốt nghiệp được dự thi.",
            "Đến chiều ngày 1/6, các Bác sĩ Bệnh viện Việt Tiệp cho biết sức khỏe chị Thu đã hồi phục tốt.",
        ],
        &[
            "ngoại giao mỹ",
            "thứ trưởng bộ công an bùi văn nam",
            "bác sĩ bệnh viện việt tiệp",
        ],
        &[
            "thứ trưởng ngoại giao mỹ",
            "thomas shannon",
            "bùi văn nam",
            "bùi văn ga",
            "bệnh viện việt tiệp",
        ],
    );
}

#[test]
fn a_titles_holder_is_parted_from_the_title() {
    // A foreign family name after a title is the keyword, not the title
    // and the name ("HLV Wenger" was read as stretched); a state's office
    // with its country alone stays one ("PV Gas" is a firm: see
    // `a_papers_reporter_is_no_keyword`).
    check(
        &[
            "HLV Wenger cho rằng bàn mở tỷ số của Alonso cho Chelsea ở phút 13 là không hợp lệ bởi cầu thủ này đã quơ tay phạm lỗi với Bellerin.",
            "Trước đó, trong cuộc phỏng vấn với Fox News, ông Trump tỏ ra bênh Tổng thống Nga Putin.",
            "TT Trump nói tỷ lệ giết người ở Mỹ cao nhất nửa thế kỷ.",
            "Những tuyên bố của Ngoại trưởng Nga còn nhấn mạnh Moscow sẵn sàng thực hiện phần việc của mình nhằm đẩy mạnh nỗ lực khôi phục quan hệ với Mỹ.",
            "Tổng thống Philippines nói chuyện với các cảnh sát ở Manila, bộc bạch cho phép Mỹ xây dựng doanh trại tạm thời.",
        ],
        &[
            "hlv wenger",
            "tổng thống nga putin",
            "nga putin",
            "tt trump",
            "philippines",
        ],
        &[
            "wenger",
            "putin",
            "tổng thống nga",
            "trump",
            "ngoại trưởng nga",
            "tổng thống philippines",
        ],
    );
}

#[test]
fn a_professions_title_is_parted_from_the_holders_name() {
    let names = |text: &str| -> Vec<String> {
        candidates(&super::tests_next::article(&[text]))
            .into_iter()
            .filter(|c| c.name)
            .map(|c| c.key)
            .collect()
    };
    for (text, name) in [
        (
            "Cuối cùng, mục đích chính vẫn là chinh phục các câu hỏi khó của chương trình, Danh \
             hài Tự Long quyết định dừng cuộc chơi.",
            "tự long",
        ),
        // The holder's first syllable is also a country ("Mỹ").
        (
            "Khi được hỏi, Ca sĩ Mỹ Tâm cho biết cô đã sẵn sàng.",
            "mỹ tâm",
        ),
        (
            "Từ đầu chương trình, NSND Hồng Vân luôn để cho con trai Trê Phi chọn bài hát.",
            "hồng vân",
        ),
        // A royal title before a foreign given name, a common noun for
        // people before a place.
        (
            "Đám cưới hoàng gia đẹp như cổ tích giữa Thái tử Anh Charles và Công nương Diana.",
            "diana",
        ),
        (
            "Dân làng Vạn Phúc trổ tài bắt vịt trong hồ tại lễ hội xuân.",
            "vạn phúc",
        ),
        // Professions written short: "NS" (nghệ sĩ), "NTK" (nhà thiết kế).
        (
            "NS Trung Dân quay clip tha thứ, Hương Giang Idol vội khóa facebook.",
            "trung dân",
        ),
        (
            "Diễm My nổi bật với chiếc váy vàng óng ả lấy cảm hứng từ cây lúa Việt Nam của NTK Công Trí.",
            "công trí",
        ),
    ] {
        let k = names(text);
        assert!(k.contains(&name.to_string()), "{text}: {k:?}");
        assert_eq!(k.iter().filter(|k| k.ends_with(name)).count(), 1, "{k:?}");
    }
    // A title that a country or a lowercase syllable follows is a title of
    // its own.
    for (text, title) in [
        (
            "Rất có thể chân dài đình đám sẽ tham gia Hoa hậu Hoàn vũ Việt Nam 2017.",
            "hoa hậu hoàn vũ",
        ),
        (
            "Theo Mỹ Linh, đăng quang Hoa hậu Việt Nam 2016 là một dấu mốc quan trọng trong cuộc \
             đời cô.",
            "hoa hậu việt nam",
        ),
    ] {
        let k = names(text);
        assert!(k.iter().any(|k| k.starts_with(title)), "{text}: {k:?}");
    }
}

#[test]
fn the_states_nuoc_after_a_lowercase_chu_tich_is_the_offices() {
    // "Phó chủ tịch Nước" is the office: "Nước" is no word of the name.
    // Twice: the run cut off its head makes the name no fragment of it.
    check(
        &[
            "Cầu cho quốc thái dân an. Nguyên Phó chủ tịch Nước Nguyễn Thị Doan đóng dấu thiêng Yên Tử.",
            "Dự lễ có nguyên Phó Chủ tịch Nước Nguyễn Thị Doan cùng đông đảo tăng ni, phật tử, du khách thập phương.",
        ],
        &["nước nguyễn thị doan"],
        &["nguyễn thị doan"],
    );
}

#[test]
fn a_hosts_stage_name_and_a_beauty_contests_name() {
    // "MC" before a stage name is the host's title; alone it is a keyword
    // (`tests_neighbours`). A contest's name after "Hoa hậu" is no stage
    // name; a person after it is parted from it.
    check(
        &[
            "Tuy nhiên bà vẫn phải xin lời khuyên của MC Quyền Linh. MC Quyền Linh cười.",
            "MC Diệp Chi khẳng định Nhà báo Lại Văn Sâm không sử dụng mạng xã hội.",
            "Tuy nhiên trong quá trình tham gia cuộc thi Hoa hậu Trái Đất (Miss Earth), cụm từ ấy đã xuất hiện trong đầu tôi rất nhiều lần.",
            "Bà Tư Hường là người đưa Hoa hậu Hoàn Vũ về tổ chức tại Việt Nam.",
            "Hoa hậu Đại dương Đặng Thu Thảo thực hiện clip cô dâu cưới trên bãi biển mùa hè.",
            "Á hậu Hoàn Vũ Việt Nam khoe vẻ rạng rỡ trong set đồ áo trễ vai đi kèm quần ống loe lạ mắt.",
        ],
        &[
            "mc quyền linh",
            "mc diệp chi",
            "trái đất",
            "hoàn vũ việt nam",
            "hoa hậu đại dương đặng thu thảo",
            "vũ việt nam",
        ],
        &[
            "quyền linh",
            "diệp chi",
            "hoa hậu trái đất",
            "hoa hậu hoàn vũ",
            "hoa hậu đại dương",
            "đặng thu thảo",
            "á hậu hoàn vũ việt nam",
        ],
    );
}

#[test]
fn a_family_names_syllable_inside_a_country_or_a_word_parts_nothing() {
    // "Đào" is a family name, "Bồ Đào Nha" a country; "Ngoại giao" a word
    // of its own before "Lưu".
    check(
        &[
            "Năm 2003, trong màu áo U20 Bồ Đào Nha, Ronaldo đã ghi được 1 bàn thắng sau 5 lần ra sân.",
            "Bà đến Đại sứ quán Bồ Đào Nha tại London hồi 1955 để dự tiệc chiêu đãi nhân dịp Tổng thống Bồ Đào Nha và phu nhân đến thăm Anh.",
            "Thứ trưởng Ngoại giao Lưu Chấn Dân nói, sách đã sang trang.",
        ],
        &["u20 bồ", "đào nha", "tổng thống bồ"],
        &["u20 bồ đào nha", "tổng thống bồ đào nha", "lưu chấn dân"],
    );
}

#[test]
fn a_person_after_a_title_and_its_field_is_parted_from_them() {
    // "Thị" makes the syllable before it a family name, though no list has
    // it ("Tòng"); a foreign family name alone after a title and its field
    // is the holder's, as after a title alone ("Tổng thống | Putin"); a
    // country there names the office.
    check(
        &[
            "Phó Chủ tịch Quốc hội Tòng Thị Phóng phát biểu tại buổi lễ.",
            "Ông McMaster có phát biểu trái ngược với Bộ trưởng Quốc phòng Mattis về viễn cảnh ở Syria và Iraq.",
            "Theo nữ Bộ trưởng Quốc phòng Italia, lực lượng này sẽ bao gồm một ngân sách chung.",
            "Vấn đề ngoại giao được giao cho ông Moon Chung-in, Giáo sư Đại học Yonsei ở Seoul.",
            "Ông đánh giá cao việc chuẩn bị của Việt Nam cho chuyến thăm sắp tới của Tổng thống Cộng hòa Czech, đồng thời cho biết.",
        ],
        &[
            "chủ tịch quốc hội tòng thị phóng",
            "quốc hội tòng thị phóng",
            "bộ trưởng quốc phòng mattis",
        ],
        &[
            "tòng thị phóng",
            "mattis",
            "bộ trưởng quốc phòng",
            "bộ trưởng quốc phòng italia",
            "giáo sư đại học yonsei",
            "tổng thống cộng hòa czech",
        ],
    );
}

#[test]
fn england_after_a_title_and_before_a_foreign_name_is_the_offices() {
    // "Anh" is no country of the list (a given name, a pronoun): after a
    // state's title and before a foreign name it is England.
    check(
        &[
            "Ngày 6/2, Thủ tướng Anh Theresa May đã có cuộc gặp với người đồng cấp Israel Benjamin Netanyahu tại London.",
            "Đảng Bảo thủ của bà May vừa mất đa số ghế trong cuộc bầu cử Quốc hội vừa qua, nữ Thủ tướng Anh bị chỉ trích vì không sớm đến thăm hỏi các nạn nhân trong vụ cháy.",
            "Nữ hoàng Anh nổi tiếng với những bộ trang phục màu sắc rực rỡ.",
            "HLV Hoàng Anh Tuấn được biết đến như người đầu tiên có bằng A HLV cấp quốc tế.",
        ],
        &["thủ tướng anh theresa may", "anh theresa may"],
        &[
            "thủ tướng anh",
            "theresa may",
            "nữ hoàng anh",
            "hoàng anh tuấn",
        ],
    );
    check(
        &["Ngày 6/2, Thủ tướng Anh Theresa May đã có cuộc gặp với người đồng cấp Israel."],
        &[],
        &["thủ tướng anh", "theresa may"],
    );
    // Alone after a state's title or a crown, it is still the office's.
    check(
        &[
            "Đảng Bảo thủ của bà May vừa mất đa số ghế trong cuộc bầu cử Quốc hội vừa qua, nữ Thủ tướng Anh bị chỉ trích vì không sớm đến thăm hỏi các nạn nhân trong vụ cháy.",
            "Nữ hoàng Anh nổi tiếng với những bộ trang phục màu sắc rực rỡ.",
        ],
        &[],
        &["thủ tướng anh", "nữ hoàng anh"],
    );
}

#[test]
fn a_title_is_parted_from_a_holder_named_without_a_family_name() {
    // Capitals after a title no two of which make a word, nor a place:
    // the holder's name; a field after the title or a place names an
    // office.
    check(
        &[
            "Thủ tướng Hun Sen từng tuyên bố: Các casino ở Phnom Penh và dọc biên giới không dành cho người dân Campuchia.",
            "Ngày 10/5, Tổng thống Moon Jae-in cho biết ông sẽ chuyển ra khỏi Nhà Xanh ở trung tâm thủ đô Seoul.",
            "Bí thư Xuân Anh đề nghị DN tin tưởng vào lãnh đạo Đà Nẵng",
            "Quốc vương Salman cũng nêu rõ nước này quyết tâm loại bỏ tổ chức Nhà nước Hồi giáo (IS) tự xưng.",
            "Sau nghi lễ đón tiếp tại sân bay, tổng thống Mỹ và Quốc vương Saudi đã cùng nhau dùng trà.",
            "Tại buổi làm việc, Bí thư Hà Nội đã đánh giá huyện Phúc Thọ là một điểm sáng.",
            "Bí thư Hà Nội đặt câu hỏi: Nếu có chừng đấy tiền thì nên ưu tiên vào cái gì?",
            "Dự Hội nghị có Phó Thủ tướng Thường trực Trương Hòa Bình, Phó Thủ tướng Vũ Đức Đam.",
        ],
        &[
            "thủ tướng hun sen",
            "tổng thống moon jae in",
            "bí thư xuân anh",
            "quốc vương salman",
            "thường trực trương hòa bình",
            "saudi",
            "thủ tướng thường trực",
        ],
        &[
            "hun sen",
            "moon jae in",
            "xuân anh",
            "salman",
            "quốc vương saudi",
            "bí thư hà nội",
            "phó thủ tướng thường trực",
            "trương hòa bình",
        ],
    );
}

#[test]
fn a_title_and_its_holder_make_no_phrase() {
    // Parted as names ("Tổng thống | Putin"), they are not joined again as
    // a phrase of their syllables, nor an office and a foreign name after
    // it ("Tổng thống Pháp | Macron").
    check(
        &[
            "Tổng thống Putin nói ông hoan nghênh việc cải thiện quan hệ với Mỹ.",
            "Tôi nghĩ không có ai có thể sống sót sau một cuộc xung đột như vậy, Tổng thống Putin trả lời ngắn gọn.",
            "Ai là 'cánh tay phải' của Tổng thống Pháp Macron trong Điện Elysee?",
            "Với mục đích đó, Tổng thống Pháp Macron sẽ yêu cầu chính phủ hành động tích cực.",
            "Dù vậy, HLV Frank Bernhardt nhận định U23 Việt Nam là đội bóng mạnh.",
            "HLV Frank Bernhardt (U23 Malaysia) sẵn sàng tuyên chiến với U23 Việt Nam trên sân Thống Nhất.",
        ],
        &[
            "tổng thống putin",
            "tổng thống pháp macron",
            "hlv frank bernhardt",
        ],
        // (A name always after a title of one syllable is no fragment of
        // the two: "Frank Bernhardt".)
        &["putin", "macron", "tổng thống pháp", "frank bernhardt"],
    );
}

#[test]
fn an_office_keeps_its_field_and_country_before_a_foreign_name() {
    check(
        &[
            "Ngày 2 tháng 2 năm 2017, Bộ trưởng Quốc phòng Mỹ James Mattis tiến hành hội đàm với Bộ trưởng Quốc phòng Hàn Quốc Han Min-koo.",
            "Bộ trưởng Quốc phòng Han Min-koo bày tỏ lo ngại rằng Triều Tiên có thể phóng một quả tên lửa.",
            "Nhận định của ông Ivan Konovalov đưa ra sau khi Bộ trưởng Quốc phòng Italia Roberta Pinotti phát biểu với tờ Il Messaggero.",
        ],
        &[
            "bộ trưởng quốc phòng hàn quốc han min koo",
            "bộ trưởng quốc phòng han min koo",
            "italia roberta pinotti",
        ],
        &[
            "bộ trưởng quốc phòng hàn quốc",
            "han min koo",
            "bộ trưởng quốc phòng italia",
            "roberta pinotti",
            "bộ trưởng quốc phòng mỹ",
            "james mattis",
        ],
    );
}

#[test]
fn a_bodys_name_on_a_verb_goes_on_with_its_object() {
    // "Quản lý", "Phòng chống" take an object: the lowercase words after
    // them are still the body's name. A field that is a verb too ("Du
    // lịch") ends it before the next verb, or what it is ("sửa đổi").
    check(
        &[
            "Cục Quản lý xuất nhập cảnh đã cấp thị thực điện tử cho ông ngay trong ngày 1-2.",
            "Việc sửa đổi Luật Phòng chống tham nhũng đang theo hướng tăng cường kiểm soát.",
            "Elleman, chuyên gia tên lửa tại Viện Nghiên cứu chiến lược quốc tế (IISS), nhấn mạnh mối lo ngại.",
            "Lý do Tổng cục Du lịch đưa ra khi không điều chỉnh quy hoạch là vì bản quy hoạch đã được làm đúng quy trình.",
            "Nhìn chung, dự thảo Luật Du lịch sửa đổi lần này đã cơ bản thể chế hóa được Nghị quyết 08 của Bộ Chính trị.",
        ],
        &["cục quản lý", "luật phòng chống", "viện nghiên cứu"],
        &["tổng cục du lịch", "luật du lịch"],
    );
}

#[test]
fn a_name_whose_every_run_goes_on_as_a_longer_name_of_the_article_is_cut() {
    // The article writes the body's field once in capitals and once in
    // lower case: the run that stops at the capitals is that name cut.
    check(
        &[
            "Đây là phần mềm thuộc Dự án Bữa ăn Học đường, do Công ty Ajinomoto Việt Nam phát triển.",
            "Giao diện website Dự án Bữa ăn học đường.",
            "Ông vẫn được điều động giữ chức Bộ trưởng Bộ Giao thông vận tải, và sau đó là Bí thư Thành ủy TP.HCM.",
            "Ông rất được lòng dân từ khi còn là Bộ trưởng Bộ Giao thông Vận tải, và sau này là Bí thư Thành ủy.",
        ],
        &["dự án bữa ăn", "bộ giao thông"],
        &["dự án bữa ăn học đường", "bộ giao thông vận tải"],
    );
    // "và" may join two names: the store settles it, not the article.
    check(
        &[
            "Hội thảo Lý luận lần thứ ba giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Cuba đã khai mạc.",
            "Công tác tư tưởng trong Văn kiện Đại hội XII của Đảng Cộng sản Việt Nam và Đại hội VII Đảng Cộng sản Cuba đã được thảo luận.",
        ],
        &[],
        &["đảng cộng sản việt nam"],
    );
}

#[test]
fn a_new_title_and_fans_are_parted_from_the_name_after_them() {
    // "Tân" (new) before a title is the title's; "Tân Phú" is a name.
    check(
        &[
            "Ứng cử viên Đảng Dân chủ Moon Jae-in đã nắm chắc vị trí Tân Tổng thống Hàn Quốc.",
            "Tân Tổng thống Hàn Quốc Moon Jae-in tại cuộc họp báo ở Seoul ngày 10/5.",
            "Tân Ngoại trưởng Hàn Quốc Kang Kyung-wha.",
            "Cùng ngày, tân Ngoại trưởng Hàn Quốc Kang Kyung-wha tuyên bố một mặt cần phải đối phó mạnh mẽ.",
            "Trong sáng nay, khu vực đường Trường Chinh (khu vực quận Tân Bình và Tân Phú) cũng xảy ra ùn tắc.",
            "Đường Cộng Hòa (quận Tân Bình) ùn xe kéo dài sáng 6/2.",
        ],
        &[
            "tân tổng thống hàn quốc",
            "tân tổng thống hàn quốc moon jae in",
            "tân ngoại trưởng hàn quốc kang kyung wha",
        ],
        &[
            "tổng thống hàn quốc",
            "moon jae in",
            "kang kyung wha",
            "tân phú",
        ],
    );
    // Fans, written short, and the team they cheer; the abbreviation of a
    // common noun alone is no keyword either.
    check(
        &[
            "Trong khi đó, trên các đường phố, những CĐV Cameroon cũng tập trung rất đông để ăn mừng.",
            "Các CĐV Cameroon giương biểu ngữ cảm ơn HLV Hugo Bros.",
            "Với những thông tin từ Tây Ban Nha thời gian qua, NHM MU đang rất háo hức hướng về sân Nou Camp.",
            "Thế nhưng NHM MU đã bị chính Ronaldo “lừa” đủ nhiều để tự rút ra bài học.",
            "Vậy người dân đã gọi điện đến lực lượng PCCC và Đội CSGT số 14 để thông báo sự việc.",
            "Lực lượng PCCC nhanh chóng có mặt tại hiện trường để chữa cháy.",
            "Khán đài bị hại phần mái che và không đảm bảo an toàn cho các CĐV cũng như cầu thủ.",
            "Màn ăn mừng vui sướng thái quá của CĐV lại khiến đội nhà đánh mất chiến thắng.",
        ],
        &["cđv cameroon", "nhm mu", "cđv", "nhm", "pccc"],
        &["cameroon", "mu", "csgt"],
    );
}

#[test]
fn a_states_title_and_country_are_parted_from_one_foreign_word_after_them() {
    // After a state's title the one foreign word is its holder's; after
    // any other word a country written without marks begins a firm's or a
    // show's name.
    check(
        &[
            "Ngoại trưởng Qatar Mohammed bin Abdulrahman al-Thani ngày 8/6 ra tuyên bố cảnh báo cuộc khủng hoảng ngoại giao.",
            "Các lực lượng quân đội Nga vẫn đang tiếp tục hậu thuẫn cho Tổng thống Syria Bashar al-Assad trong cuộc chiến với nhóm khủng bố khét tiếng.",
            "Đây cũng là vấn đề được đề cập trong cuộc điện đàm giữa Tổng thống Putin với Quốc vương Bahrain Hamad Isa Al Khalifa.",
            "Thế giới bên ngoài vẫn chưa biết những phát biểu mà hãng tin Qatar dẫn có phải của do chính Quốc vương Qatar Tamim bin Hamad Al Thani nói hay không.",
            "Quán quân Vietnam Idol mùa 2 chia sẻ quyết định của mình.",
            "Theo Nhật báo China Daily cũng cho biết, ít nhất 10 người thiệt mạng.",
        ],
        &[
            "qatar mohammed",
            "syria bashar",
            "bahrain hamad isa al khalifa",
            "qatar tamim",
        ],
        &[
            // Whole, "bin" and "al-" in them (`super::particles`).
            "mohammed bin abdulrahman al thani",
            "bashar al assad",
            "tamim bin hamad al thani",
            "hamad isa al khalifa",
            "vietnam idol",
            "china daily",
        ],
    );
}
