//! A foreigner's given name alone beside the whole name ([`super::given`],
//! issue 15): each test is a real baomoi-35k sentence.

use super::tests_run_ons::{check, keys};

#[test]
fn a_given_name_alone_beside_the_whole_name_is_no_keyword() {
    check(
        &[
            "Tháng trước, Serena Williams đã công bố việc cô mang bầu 20 tuần và sẽ nghỉ thi đấu ít nhất đến hết năm 2017.",
            "Nhưng điều đó không đồng nghĩa với việc Serena thôi gây sự chú ý.",
            "Serena còn gây sự chú ý bằng cách hóa trang thành người Navi giống như trong “bom tấn” Avatar với cách tạo hình rất đặc biệt.",
            "Ở một diễn biến khác, Serena đã khá khéo léo khoe bụng bầu.",
        ],
        &["serena"],
        &["serena williams"],
    );
    // The whole name with a Vietnamese family name: a name of its own is
    // parted before "Phạm", the two stay an n-gram.
    check(
        &[
            "Hoa hậu Jennifer Phạm liên tiếp khoe hình ảnh rạng rỡ sau sinh con thứ 3 Sau lần tái xuất với mốt không nội y gây xôn xao, Jennifer Phạm tiếp tục khoe nét rạng rỡ \"gái 3 con\" với thiết kế ren trắng.",
            "Jennifer tiết lộ, cô đang trong thời gian cho con bú nên chưa tích cực tập luyện để giảm cân.",
            "Dù đã 3 lần mang bầu nhưng vòng eo của Jennifer hiện tại trông còn nhỏ gọn hơn cả lúc cô đăng quang hoa hậu.",
        ],
        &["jennifer"],
        &["jennifer phạm"],
    );
}

#[test]
fn a_given_name_alone_stays_without_the_whole_name() {
    // The article never gives the family name: the given name is what it
    // has.
    let ks = keys(&[
        "Nhưng điều đó không đồng nghĩa với việc Serena thôi gây sự chú ý.",
        "Serena còn gây sự chú ý bằng cách hóa trang thành người Navi giống như trong “bom tấn” Avatar với cách tạo hình rất đặc biệt.",
        "Ở một diễn biến khác, Serena đã khá khéo léo khoe bụng bầu.",
    ]);
    assert!(ks.contains(&"serena".to_string()), "{ks:?}");
}

#[test]
fn a_make_before_its_model_or_a_given_name_two_people_share_stays() {
    // A model's code is no family name.
    check(
        &[
            "Tạp chí Auto Express cho biết, Mercedes GLA thế hệ mới sẽ ra mắt vào năm 2019, tại cùng một thời điểm với chiếc GLB mới.",
            "Mercedes GLA and GLB mới sẽ ra mắt vào năm 2019 Chiếc GLA mới sẽ sở hữu không gian rộng rãi hơn một chút.",
            "Mercedes đang chi 3 tỷ Euro phát triển động cơ diesel.",
            "Auto Bild cũng tiết lộ rằng Mercedes sẽ giới thiệu chiếc xe điện mới sẽ được gọi là EQA.",
        ],
        &[],
        &["mercedes"],
    );
    // Two people of one given name: which of them it names is the
    // article's to say.
    check(
        &[
            "Các nước châu Âu không biết nghiêng về phe nào giữa hai ông Donald.",
            "Tuy nhiên, bất chấp những tuyên bố về tinh thần đoàn kết, các nước EU vẫn bị chia rẽ về cách đối phó với những chính sách của Donald Trump - người đã đảo ngược sự ủng hộ vững chắc của Mỹ dành cho hội nhập châu Âu thời hậu chiến cũng như đề nghị các nước khác làm theo Anh rời khỏi EU (còn gọi là vấn đề Brexit).",
            "Donald Tusk, cựu Thủ tướng Ba Lan, cho biết các nhà lãnh đạo EU đã tặng cho ông biệt danh “Donald của chúng tôi” khi họ ở Malta.",
            "Việc ông “Donald còn lại” có hiểu được thông điệp đó không lại là một chuyện khác.",
            "Tuy nhiên, thực tế là ông đã nói chuyện với ông Donald Tusk.",
        ],
        &[],
        &["donald", "donald tusk", "donald trump"],
    );
}

#[test]
fn a_club_run_into_a_headline_or_a_byline_keeps_its_name() {
    // "Chelsea | Kém" runs into a headline's verb, "Chelsea | Hoàng Tâm"
    // into the byline's Vietnamese name: neither is the club's family name.
    check(
        &[
            "Mùa trước, Mourinho và Chelsea đang trên con đường bảo vệ chức vô địch Ngoại hạng Anh nhưng lại thi đấu cực kỳ tệ hại.",
            "Kết quả, Mourinho bị sa thải ngay sau khi thua Leicester City, khiến Chelsea bị rơi vào khủng hoảng thực sự cho đến hết mùa giải.",
            "Zouma cho rằng Chelsea nên quên hình ảnh của Mourinho và tập trung cho hiện tại.",
            "Conte muốn chúng tôi phải yêu bóng đá như ông ấy, đó là những gì mà ông ấy muốn.” Video những khoảnh khắc ấn tượng của Zouma trong màu áo Chelsea Hoàng Tâm - Thể Thao Việt Nam | 11:30 08/02/2017 Tin liên quan 5 điểm đến hứa hẹn cho Lukaku mùa Hè này Chỉ 1 CLB có thể cản bước Chelsea Kém Chelsea 14 điểm, Ibrahimovic vẫn đặt mục tiêu vô địch Conte và sứ mệnh trở thành nhà vô địch xuất sắc thứ 2 trong lịch sử",
        ],
        &[],
        &["chelsea"],
    );
}

#[test]
fn a_country_before_its_officer_keeps_its_name() {
    // "Israel" is a given name too; before "Roni Alsheikh" it is the
    // country whose police he heads.
    check(
        &[
            "Theo tờ Walla, 10.000 cảnh sát trên khắp Israel sẽ tham gia vào nhiệm vụ bảo vệ ông Trump.",
            "Hoạt động an ninh này được đặt tên là “Lá chắn xanh”, được chỉ huy bởi Cảnh sát trưởng Israel Roni Alsheikh.",
            "Nếu tình hình thời tiết xấu hoặc bất kì điều gì ngăn cản máy bay đi tới Jerusalem, 2.000 cảnh sát biên giới Israel sẽ được bố trí dọc quốc lộ 1 nhằm bảo vệ cho đoàn xe của Tổng thống Trump.",
            "Tổng thống Trump sẽ có chuyến thăm Israel vào ngày 22-5 Đoàn xe của ông Trump tại Israel dự kiến gồm 56 chiếc, trong đó có 13 xe limousine.",
        ],
        &[],
        &["israel"],
    );
}

#[test]
fn a_given_name_said_twice_is_no_whole_name() {
    // "Amy Amy" is the name written twice, no family name after it.
    check(
        &[
            "Sau khi được đưa tới bệnh viện gần đó cấp cứu, Amy đã qua được cơn nguy kịch.",
            "Ngày 19.6, tức 1 ngày trước khi tự tử, Amy xem chương trình đặc biệt về đời sống riêng tư của kênh Channel A nói về cô ấy và đã bị sốc.",
            "Nữ diễn viên kiêm MC Amy Amy khởi nghiệp từ năm 2008 trong làng giải trí Hàn.",
            "Amy sau đó sang Mỹ để sinh sống.",
        ],
        &[],
        &["amy"],
    );
}

#[test]
fn a_club_run_into_the_next_headline_keeps_its_name() {
    // "Chelsea | Mourinho" runs one headline into the next.
    check(
        &[
            "Quỷ đỏ đánh bại Chelsea trong mùa 2007-2008 trước khi để thua trước Barca trong trận chung kết năm 2009.",
            "CHUYỂN NHƯỢNG 29/5: Mourinho đặt điều kiện với Real Madrid.",
            "Diego Costa ra ‘tối hậu thư’ cho Chelsea Mourinho đặt điều kiện cho Real Madrid.",
            "Diego Costa ra ‘tối hậu thư’ cho Chelsea.",
        ],
        &[],
        &["chelsea"],
    );
}

#[test]
fn a_common_noun_that_is_a_given_name_too_stays() {
    // "opal" is the stone, in lower case most of the times it stands:
    // "mỏ opal Eight Mile" gives it no whole name.
    check(
        &[
            "Viên ngọc mắt mèo này đầu tiên do thợ mỏ Walter Bartram phát hiện vào năm 1946 tại mỏ opal Eight Mile ở Coober Pedy, một thị trấn sa mạc nhỏ ở phía Bắc Nam Úc.",
            "Đá mắt mèo, tên khoa học là Opal, là một báu vật trong thời Trung Cổ và người Hy Lạp gọi là ophthalmios, nghĩa là đá mắt, do nhiều người tin rằng đá này giúp tăng thị lực.",
            "Một số khác lại nghĩ rằng opal giúp cho người đeo nó có thể trở nên vô hình.",
            "Các thị trấn khai thác mỏ vùng hẻo lánh của Coober Pedy ở Nam Úc cung cấp khoảng 90% nguồn cung cấp đá opal của thế giới.",
            "Bảo tàng Nam Úc là một trong những nơi trưng bày nhiều bộ sưu tập đá opal lớn nhất thế giới.",
        ],
        &[],
        &["opal"],
    );
}

#[test]
fn a_country_and_an_acronym_that_are_given_names_too_stay() {
    // "Jordan" the team, "Trưởng đoàn Jordan Jamal Abu Abed" its head of
    // delegation: the name and its n-gram "Jordan Jamal" are two phrases.
    check(
        &[
            "Đây là điều mà ngay cả Jordan cũng khó lòng đạt được.",
            "Jordan tập kín toàn bộ trong thời gian ở TP.HCM.",
            "Hy vọng các cầu thủ sẽ không mắc sai lầm và trở lại quê hương với 3 điểm”, Trưởng đoàn Jordan Jamal Abu Abed chia sẻ.",
        ],
        &[],
        &["jordan"],
    );
    // "AL", the Arab League, written in capitals: no given name "Al".
    check(
        &[
            "Tổng thư ký AL Ahmed Aboul Gheit.",
            "(Nguồn: AFP/TTXVN) Tổng Thư ký Liên đoàn Arab (AL) Ahmed Aboul Gheit khẳng định không có quốc gia Arab nào đưa ra đề xuất về việc đình chỉ tư cách thành viên AL của Qatar.",
            "Phát biểu trong chuyến thăm Moskva (Nga) ngày 5/7, ông Aboul Gheit nhấn mạnh việc đình chỉ tư cách thành viên của Qatar không hề được khuyến khích và hành động này cần có sự nhất trí của tất cả các nước thành viên AL.",
        ],
        &[],
        &["al"],
    );
}

/// After "Thị", a woman's middle name, comes her given name, never another
/// person's name, even where its first syllable is also a family name
/// ("Mai", "Hoàng"): "Nguyễn Thị Mai Anh" is one name, not "Nguyễn Thị" and
/// "Mai Anh".
#[test]
fn a_given_name_after_thi_is_no_other_name() {
    check(
        &[
            "Giải nhất thuộc về thí sinh Nguyễn Thị Mai Anh với bộ trà “Tịnh Liên”, lấy cảm hứng từ những cánh hoa sen dịu dàng, thanh thoát.",
            "Trong khi 'đại gia điếu cày' Lê Thanh Thản rất nổi tiếng thì Lê Thị Hoàng Yến – ái nữ của ông Thản, đồng thời là Tổng Giám đốc chuỗi khách sạn Mường Thanh - lại khá kín tiếng trước dư luận.",
            "Tuy nhiên, bà Phạm Thị Mai Hoa (Giám đốc Đài PT-TH Đắk Nông) không đồng ý với mức kiểm điểm đó và yêu cầu Phòng Thời sự xem xét lại.",
        ],
        &[
            "nguyễn thị",
            "mai anh",
            "lê thị",
            "hoàng yến",
            "phạm thị",
            "mai hoa",
        ],
        &[
            "nguyễn thị mai anh",
            "lê thị hoàng yến",
            "phạm thị mai hoa",
            "lê thanh thản",
        ],
    );
}
