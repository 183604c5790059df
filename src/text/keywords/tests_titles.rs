//! Titles and offices in names (issue 15): each test is a real baomoi-35k
//! sentence.

use super::tests_run_ons::check;

/// A deputy's office keeps its "Phó", also at a sentence's start, where
/// "phó" would read as a function word: "Phó Tổng thống Mỹ" is another
/// office than "Tổng thống Mỹ", "Phó Chủ tịch Quốc hội" than "Chủ tịch Quốc
/// hội".
#[test]
fn a_deputys_office_keeps_its_deputy() {
    check(
        &[
            "Ngày 5/2, trả lời phỏng vấn kênh ABC, Phó Tổng thống Mỹ Mike Pence cho biết Nhà Trắng đang cân nhắc.",
            "“Tổng thống đã nói, mọi lựa chọn đều đang được đặt lên bàn”, Phó Tổng thống Mỹ nhấn mạnh.",
            "Phó Chủ tịch Quốc hội Phùng Quốc Hiển đã nói như vậy khi cho ý kiến tại phiên làm việc sáng 17-5.",
            "Phó Chủ tịch Quốc hội Phùng Quốc Hiển 'chưa yên tâm' về dự án Long Thành.",
        ],
        &["tổng thống mỹ", "chủ tịch quốc hội"],
        &[
            "phó tổng thống mỹ",
            "mike pence",
            "phó chủ tịch quốc hội",
            "phùng quốc hiển",
        ],
    );
}

/// A rank below a major's is a title as "Thượng tá" is: before a given name
/// alone it names no one ("Thượng úy | Đức", of "thượng úy Nguyễn Anh
/// Đức"), before a full name the name is the keyword.
#[test]
fn a_rank_below_a_majors_is_a_title() {
    check(
        &[
            "Công an tỉnh Hà Tĩnh xác nhận vụ việc và cho biết nạn nhân là thượng úy Nguyễn Anh Đức. Thượng úy Đức được cấp cứu tại bệnh viện.",
            "Thượng úy Đức bị thương khá nặng sau khi bị hất tung xuống đường.",
            "Thượng úy Ngô Xuân Mạnh, Phó Đội trưởng Đội Tham mưu, cho biết công việc chủ yếu là tuần tra.",
        ],
        &["thượng úy đức", "thượng úy ngô xuân mạnh"],
        &["nguyễn anh đức", "ngô xuân mạnh"],
    );
}

/// A thing's kind written short, a fan club's "FC", a department's name
/// cut before its field and a news site on its own page are no keywords
/// (`assets/not-keywords-vi.txt`); the names they stand in are.
#[test]
fn a_kind_written_short_or_a_department_cut_is_no_keyword() {
    check(
        &[
            "Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến nghe báo cáo tiến độ thi công xây dựng cơ sở 2, BV Bạch Mai.",
            "BV đã xin chủ trương xây khung sắt bảo vệ hành lang tại BV.",
            "Không chỉ vậy, FC của nam danh hài cũng chuẩn bị rất nhiều phần quà ý nghĩa dành tặng anh như kêu gọi những người yêu mến Trấn Thành trên cả nước cùng nhau thay ảnh đại diện để chúc mừng anh bước sang một tuổi mới; cùng mặc áo cam đặc trưng (màu áo đại diện FC của Trấn Thành) xếp hình thành chữ \"HPBD A Xìn\"; làm thơ tặng anh.",
            "Theo lãnh đạo Phòng Cảnh sát cứu hỏa Tây Hồ, người đàn ông gặp nạn quê ở Minh Phú, Sóc Sơn, Hà Nội.",
            // A news site's own page names it.
            "Cùng Saostar ngắm thêm một số hình ảnh xinh đẹp của Cara Huệ Phương nhé.",
            "Bên cạnh đó, Bộ Y tế cũng yêu cầu gửi kết quả xử lý vụ việc về Bộ Y tế (Cục Quản lý Khám, chữa bệnh) trước ngày 18/3/2017 để tổng hợp, báo cáo.",
            "Đến hẹn lại lên, từ đêm Giao thừa đến hết tháng Giêng, hàng ngàn du khách thập phương đến du xuân, cầu an tại Khu du lịch (KDL) núi Bà Đen, TP Tây Ninh (tỉnh Tây Ninh).",
            "Thứ ba, chỉ nên giới hạn người bào chữa phải chịu TNHS về hành vi không tố giác tội phạm đối với giai đoạn chuẩn bị phạm tội và đang thực hiện tội phạm nhằm ngăn ngừa hậu quả xảy ra và chỉ đối với một số tội nhất định mà không mở rộng sang cả giai đoạn tội phạm đã thực hiện.",
            "Thứ nhất, đề nghị giữ phạm vi chịu TNHS của người bào chữa như BLHS 2015 để bảo đảm nhất quán về chính sách hình sự của Nhà nước, tăng cường trách nhiệm công dân của người bào chữa trong việc đấu tranh phòng, chống các tội xâm phạm an ninh quốc gia và các tội đặc biệt nghiêm trọng.",
            // "tất thảy" (all) is a stop phrase.
            "Muốn có địa vị xã hội, hầu như tất thảy phải “chạy”.",
            "Người vợ sẽ hy sinh tất thảy mọi thứ để giúp cho sự nghiệp của chồng mình phát triển tốt đẹp hơn, đem lại cho gia đình của hai người một cuộc sống tươi đẹp và đầy đủ.",
        ],
        &[
            "bv",
            "fc",
            "cục quản lý khám",
            "phòng cảnh sát",
            "saostar",
            "kdl",
            "tnhs",
            "tất thảy",
        ],
        &["bv bạch mai", "bộ y tế", "nguyễn thị kim tiến"],
    );
}

/// A state's counterpart ("người đồng cấp") is an office as a minister's
/// is: the country after it is parted from its holder's name, also a
/// country written without marks before a foreign name.
#[test]
fn a_counterpart_is_an_office_of_the_country_after_it() {
    check(
        &[
            "Ngày 6/2, Thủ tướng Anh Theresa May đã có cuộc gặp với người đồng cấp Israel Benjamin Netanyahu tại London.",
            "Điện Kremlin đánh giá tích cực cuộc gặp giữa Tổng thống Mỹ Donald Trump với người đồng cấp Ukraine Petr Poroshenko nếu cuộc gặp này thúc đẩy giải quyết cuộc xung đột bên trong Ukraine.",
            "Bộ trưởng Quốc phòng Mỹ James Mattis và người đồng cấp Canada Harjit Sajjan đã nhất trí tăng cường quan hệ hợp tác chiến lược song phương nhằm bảo vệ lục địa Bắc Mỹ.",
            "Người phát ngôn Lầu Năm Góc cho biết Bộ trưởng Quốc phòng Mỹ James Mattis đã gặp người đồng cấp Qatar Khalid al-Attiyah hôm 14/6 và thảo luận những bước cuối cùng về việc Qatar mua 15 máy bay F-15 do Mỹ sản xuất.",
        ],
        &[
            "israel benjamin netanyahu",
            "ukraine petr poroshenko",
            "canada harjit sajjan",
            "qatar khalid al attiyah",
            "qatar khalid",
        ],
        &[
            "benjamin netanyahu",
            "petr poroshenko",
            "harjit sajjan",
            "khalid al attiyah",
        ],
    );
}

/// A person's word that is no title ("lãnh đạo", "người", "tuyển thủ", ...)
/// before a country: the country is parted from the
/// person's foreign name of two words or more after it, as after a title;
/// a firm of one word after it stays whole ("lãnh đạo Vietnam Airlines").
#[test]
fn a_persons_word_before_a_country_parts_it_from_the_name() {
    check(
        &[
            "Đại giáo chủ Iran Ali Khamenei ngày 10/5 đưa ra tuyên bố trên cùng với cảnh báo về âm mưu gieo rắc bất ổn trước thềm cuộc bầu cử tổng thống Iran, dự kiến diễn ra ngày 19/5 tới.",
            "Một vụ tấn công khác, dường như có liên quan đến vụ nổ súng ở quốc hội, xảy ra tại lăng mộ cố lãnh đạo tối cao Iran Ruhollah Khomeini.",
            "Con trai của cố lãnh đạo Libya Muammar Gaddafi, Saif al-Islam Gaddafi trong cuộc họp báo ở Tripoli, Libya ngày 23/3/2010.",
            "Còn cầu thủ người Argentina Lionel Messi thì gom được 80 triệu USD và chiếm vị trí 14.",
            "AirAsia lần thứ 9 liên tiếp nhận giải hãng hàng không giá rẻ tốt nhất thế giới với sự góp mặt của cựu tuyển thủ Brazil Roberto Carlos.",
            "Thủ tướng chụp ảnh lưu niệm cùng lãnh đạo Vietnam Airlines.",
        ],
        &[
            "iran ali khamenei",
            "iran ruhollah khomeini",
            "libya muammar gaddafi",
            "argentina lionel messi",
            "brazil roberto carlos",
        ],
        &[
            "ali khamenei",
            "ruhollah khomeini",
            "muammar gaddafi",
            "lionel messi",
            "roberto carlos",
            "vietnam airlines",
        ],
    );
}

/// A sentence that begins on "Phía" before a country names the country's
/// side: the country is the keyword, as "phía Mỹ" inside a sentence.
#[test]
fn a_side_before_a_country_is_no_word_of_it() {
    check(
        &[
            "Được biết, Mỹ, mặc dù là tác giả của phần lớn các cuộc không kích trên lãnh thổ các quốc gia Trung Đông, chỉ thừa nhận sai sót trong một vụ việc duy nhất khiến 58 người thương vong tại tỉnh Kunduz, Afghanistan hồi tháng 10-2016.",
            "Phía Mỹ sau đó hứa tiến hành điều tra và lời xin lỗi đến các tổ chức cứu trợ và cung cấp tiền mặt để xây dựng lại cơ sở y tế.",
        ],
        &["phía mỹ"],
        &["kunduz"],
    );
}

/// "Nhân dịp" (on the occasion of) is a stop phrase: a sentence that
/// begins on it does not join it to the name after it.
#[test]
fn on_the_occasion_of_begins_no_name() {
    check(
        &[
            "Nhân dịp Ngài Hassan Rouhani được bầu làm Tổng thống nước Cộng hòa Hồi giáo Iran, Chủ tịch nước Trần Đại Quang đã gửi điện mừng đến Ngài Hassan Rouhani.",
            "Nhân dịp Xuân Đinh Dậu 2017, chúc các đồng chí cùng gia đình năm mới dồi dào sức khỏe, hạnh phúc và thành công.",
        ],
        &[
            "nhân dịp ngài",
            "nhân dịp xuân",
            "nhân dịp xuân đinh dậu",
            "nhân dịp",
        ],
        &["hassan rouhani", "trần đại quang"],
    );
}

/// A research body's field named by a verb goes on its name: "Viện Nghiên
/// cứu | phát triển xã hội" is no "Viện Nghiên cứu" (each verb of
/// `FIELD_VERBS` the corpus writes so, in an article of its own).
#[test]
fn a_field_named_by_a_verb_goes_on_a_bodys_name() {
    check(
        &[
            "TS Khuất Thu Hồng, Viện trưởng Viện Nghiên cứu phát triển xã hội, trong một lần trả lời phỏng vấn báo Pháp Luật TP.HCM cũng từng khẳng định: “Những thứ người ta tranh cướp để lấy được trong lễ hội chẳng có giá trị gì về mặt vật chất nhưng lại là biểu tượng cho một niềm tin tâm linh vu vơ nào đó.",
            "Còn theo TS Nguyễn Văn Vịnh, nguyên Phó Viện trưởng Viện Nghiên cứu phát triển xã hội, việc tin một cách mù quáng vào thần linh thể hiện sự bất an trong tinh thần và thiếu niềm tin của con người.",
        ],
        &["viện nghiên cứu", "viện trưởng viện nghiên cứu"],
        &["khuất thu hồng", "nguyễn văn vịnh"],
    );
    check(
        &[
            "TS Trần Văn Thuấn, Giám đốc Bệnh viện K, Viện trưởng Viện Nghiên cứu phòng chống ung thư đã chia sẻ với phóng viên về vấn đề này.",
            "Do đó, trước những thông tin gây xôn xao dư luận xã hội, Bệnh viện K và Viện Nghiên cứu phòng chống ung thư khuyến cáo người dân, nhất là với những bệnh nhân ung thư cần tìm hiểu và tham khảo các nguồn thông tin, tài liệu chính thống từ các bác sĩ chuyên khoa và các cơ sở y tế, các hiệp hội ung thư uy tín.",
        ],
        &["viện nghiên cứu", "viện trưởng viện nghiên cứu"],
        &["trần văn thuấn", "ung thư"],
    );
    check(
        &[
            "Không nên vương vấn nữa TS Nguyễn Đình Cung, Viện trưởng Viện Nghiên cứu quản lý kinh tế Trung ương, nói nếu chiếu theo Điều 7 Luật Đầu tư quy định về ngành, nghề kinh doanh có điều kiện, Luật Cạnh tranh, Luật Sở hữu trí tuệ và đặc biệt là Hiến pháp thì Thông tư 20 trái luật, vi hiến.",
            "Tương tự, ông Phan Đức Hiếu, Phó Viện trưởng Viện Nghiên cứu quản lý kinh tế Trung ương (CIEM), nhìn nhận hộ kinh doanh sợ lớn lên, sợ thành DN một phần là do gánh nặng pháp lý quá lớn.",
        ],
        &["viện nghiên cứu", "viện trưởng viện nghiên cứu"],
        &["nguyễn đình cung", "phan đức hiếu"],
    );
}

/// "LS" (luật sư) is a title written short, as "TS" is: before a full name
/// the name is the keyword.
#[test]
fn a_lawyers_title_written_short_is_no_word_of_the_name() {
    check(
        &[
            "LS Nguyễn Anh Thơm đánh giá, việc cơ quan điều tra ra quyết quyết định khởi tố vụ án hình sự là rất kịp thời.",
            "Lần đầu tiên và nhiều lần sau đó vào trong trại giam, LS Nguyễn Văn Dũ đã bị Phương Nga thẩm vấn ngược: “Anh bào chữa cho em, anh có tin em vô tội hay không?”.",
            "LS Nguyễn Văn Dũ LS Nguyễn Văn Dũ là một trong các luật sư tham gia bào chữa cho Phương Nga từ khi bắt đầu vụ án tới bây giờ.",
        ],
        &["ls nguyễn anh thơm", "ls nguyễn văn dũ"],
        &["nguyễn anh thơm", "nguyễn văn dũ"],
    );
}

/// A former holder's title without its holder ("cựu", "nguyên" and a title
/// alone, in a headline and its article) is no keyword: the holder's name
/// is.
#[test]
fn a_former_holders_title_alone_is_no_keyword() {
    for (title, text, bad, good) in [
        (
            "Cựu HLV ĐT Việt Nam qua đời ở tuổi 81",
            "Cựu HLV của ĐT Việt Nam, ông Karl-Heinz Weigang qua đời sau một cơn đau tim, hưởng thọ 81 tuổi.",
            "cựu hlv",
            "karl heinz weigang",
        ),
        (
            "Nguyên Giám đốc Sở Thông tin và Truyền thông lĩnh án",
            "Ngày 16.6, TAND Phú Yên tuyên phạt ông Lê Thành Phương (nguyên Giám đốc Sở Thông tin và Truyền thông) và ông Lê Tiến Dĩnh (nguyên Giám đốc Trung tâm Tích hợp dữ liệu thuộc Sở Thông tin và Truyền thông) 2 năm tù về tội Cố ý làm trái các quy định của Nhà nước về quản lý kinh tế gây hậu quả nghiêm trọng.",
            "nguyên giám đốc",
            "lê thành phương",
        ),
    ] {
        let keys: Vec<String> =
            super::candidates::candidates(&super::tests::article(title, &[text]))
                .into_iter()
                .map(|c| c.key)
                .collect();
        assert!(!keys.iter().any(|k| k == bad), "{bad} in {keys:?}");
        assert!(keys.iter().any(|k| k == good), "{good} not in {keys:?}");
    }
}

/// Common nouns written short ("BKS" biển kiểm soát, "BXH" bảng xếp hạng),
/// a company's form ("CP" cổ phần, "Cty" công ty) and a video's label
/// ("XEM CLIP"), a ship's prefix ("USS") and "TW" (trung ương) name nothing
/// (`assets/not-keywords-vi.txt`); what they stand before is the keyword.
#[test]
fn a_plates_a_tables_and_a_companys_short_forms_are_no_keywords() {
    check(
        &[
            "Thăng Bình), lực lượng CSGT của Trạm kiểm tra, phát hiện xe khách BKS 36B-01334 do tài xế Nguyễn Văn Bảo (42 tuổi, trú tỉnh Bình Dương) điều khiển chở quá số lượng người quy định 6 người.",
            "Đến 1 giờ 50 cùng ngày, tại Km 971, lực lượng của Trạm tiếp tục lập biên bản, xử lý xe khách trên 30 chỗ mang BKS 37B-01887, do tài xế Dương Xuân Tiến (35 tuổi, trú tỉnh Nghệ An) điều khiển nhồi nhét khách quá số lượng (55/46 người).",
        ],
        &["bks"],
        &["nguyễn văn bảo"],
    );
    check(
        &[
            "Arsenal và Liverpool coi như đã “đầu hàng” trong cuộc đua đến ngôi vô địch Premier League sau khi bị Chelsea bỏ xa lần lượt 12 và 13 điểm trên BXH.",
            "Còn nhớ hồi đầu mùa Liverpool với một phong độ bách chiến bách thắng, có những thời điểm họ đã vươn lên dẫn đầu BXH nhưng cho đến hiện tại, “The Kop” từ một ứng viên vô địch nay đã tụt xuống vị trí thứ 4 và kém đội đầu bảng Chelsea tới 13 điểm.",
        ],
        &["bxh"],
        &["liverpool", "chelsea"],
    );
    check(
        &[
            "Sáng 6/2, hoạt động kinh doanh, buôn bán của chợ gốm Bát Tràng (huyện Gia Lâm, Hà Nội) bị ngừng trệ do Công ty CP sứ Bát Tràng - đơn vị quản lý diện tích đất và đầu tư hạ tầng khu chợ này, đột ngột đóng cửa chợ khiến tiểu thương không thể ra vào.",
            "Theo tiểu thương Trần Thị Huyền, Công ty CP sứ Bát Tràng đóng cửa chợ với lý do bảo trì, sửa chữa bên trong, tuy nhiên việc này chưa được sự đồng ý của chính quyền địa phương và sự đồng thuận của người dân.",
            "Báo NNVN từng nhiều lần phản ánh tình trạng người dân ở dân thôn Ninh Ích, xã Ninh An, TX Ninh Hòa (Khánh Hòa) thu giữ trái phép tài sản của Cty CP Môi trường Khánh Hòa hàng tháng trời.",
            "Bên cạnh đó, Cty cũng đã công khai các biện pháp bảo vệ môi trường theo quy định của pháp luật.",
        ],
        &["cp", "cty", "tx"],
        &["bát tràng"],
    );
    check(
        &[
            "=>XEM CLIP: Tỷ phú Hoàng Kiều nói chuyện giường chiếu \"đêm 7 ngày 3, vào ra không kể\" với Ngọc Trinh: Đoạn clip này ngay khi chia sẻ thu hút sự chú ý của cộng đồng mạng, đa số các cư dân mạng đều \"trố mắt\" trước phát ngôn của vị tỷ phú 73 tuổi, thậm chí có người còn làm thơ \"ngưỡng mộ\" Hoàng Kiều khi xem xong clip này.",
            "=>XEM CLIP: Tỷ phú Hoàng Kiều thừa nhận PR khi khoe chuyện giường chiếu (nguồn: Youtube California Channel):",
        ],
        &["xem clip"],
        &["hoàng kiều"],
    );
    // A ship's prefix and a body's "Trung ương" written short (session 58).
    check(
        &[
            "Tàu sân bay tấn công lớp Nimitz chạy bằng năng lượng hạt nhân USS Ronald Reagan của Mỹ đã rời cảng hải quân Yokosuka của Nhật Bản ngày 8/5 để thực hiện các cuộc thử nghiệm trên biển.",
            "Tàu sân bay Mỹ USS Ronald Reagan.",
            "Ảnh: Yonhap/TTXVN Theo kế hoạch, tàu USS Ronald Reagan sẽ thay thế nhóm tàu sân bay tấn công USS Carl Vinson, vốn được triển khai tới vùng biển Thái Bình Dương hồi tháng 1 vừa qua và chuyển hướng tới gần Bán đảo Triều Tiên vào cuối tháng trước để phô diễn lực lượng, trong bối cảnh có các đồn đoán rằng Bình Nhưỡng có thể thử hạt nhân lần thứ 6.",
            "Tàu sân bay USS Ronald Reagan là tàu sân bay tấn công và neo đậu thường xuyên tại cảng Yokosuka thuộc tỉnh Kanagawa, Nhật Bản.",
            "Hơn 700 cán bộ, y bác sĩ trực thuộc các phòng ban của Viện Huyết học-Truyền máu TW cùng hưởng ứng hiến máu.",
            "Sáng 6-2, hơn 700 cán bộ, y bác sĩ Viện Huyết học-Truyền máu TW đã hiến máu tình nguyện hưởng ứng Lễ hội Xuân hồng 2017 diễn ra ngày 18-2 tới đây tại Hà Nội.",
        ],
        &["uss", "tw"],
        &["ronald reagan"],
    );
    // A title written short ("PTT", Phó Thủ tướng, `name_words::TITLES`)
    // and a road's kind.
    check(
        &[
            "PTT Vũ Đức Đam: Kỷ nguyên số đang tác động đến tất cả mọi thành phần kinh tế",
            "Ngày 13/5, tại Hà Nội, PTT Vũ Đức Đam đã chủ trì Đối thoại về việc tháo gỡ khó khăn, vướng mắc của VASEP liên quan đến quản lý chuyên ngành của 3 Bộ: Tài chính, Tài nguyên và Môi trường và Y tế.",
            "Vụ tai nạn xảy ra vào khoảng 12h30 phút ngày 6/2 trên QL 1A đoạn qua ngã tư Cầu Bùng, thuộc xã Diễn Kỷ huyện Diễn Châu.",
            "Theo đó, vụ va chạm xảy ra vào khoảng 12h30 phút ngày 6/2 trên QL 1A đoạn qua ngã tư Cầu Bùng, xã Diễn Kỷ, huyện Diễn Châu (Nghệ An).",
        ],
        &["ql"],
        &["vũ đức đam"],
    );
    // A body's kind with no name after it, a lottery's name cut before its
    // numbers.
    check(
        &[
            "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Nguyễn Thiện Nhân nhấn mạnh: Trồng rừng, trồng cây, phải 5 năm, 10 năm mới có được lợi ích.",
            "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Nguyễn Thiện Nhân nhấn mạnh: Không bảo vệ rừng, chặt cây chính là phá đi cơ sở cuộc sống lâu dài của đất nước...",
            "Kết quả xổ số Mega 6/45 được mở thưởng bắt đầu từ 18h cho tới 18h30 vào các ngày thứ 4, thứ 6 và chủ nhật cố định hàng tuần.",
            "Năm 2016 là năm đầu tiên Vietlott đi vào kinh doanh với 2 sản phẩm đã ra mắt là Mega 6/45 (hoạt động từ ngày 18/7) và Max 4D (hoạt động từ ngày 18/11).",
        ],
        &["ủy ban trung ương", "mega"],
        &["nguyễn thiện nhân", "vietlott"],
    );
}

/// A Vietnamese person's full name parted from the name before it makes no
/// phrase with it, as a foreigner's does ("Pháp | Marine Le Pen"): "Bí thư
/// TP.HCM | Nguyễn Thiện Nhân", "Chủ nhiệm VPCP | Mai Tiến Dũng". After a
/// school's level the name is the school's, not the person's ("trường THPT
/// Phan Đình Phùng").
#[test]
fn a_persons_name_joined_to_the_name_before_it_is_no_phrase() {
    check(
        &[
            "Toàn cảnh trao quyết định cho tân Bí thư TP.HCM Nguyễn Thiện Nhân",
            "Sáng 10/5, gửi lời chúc mừng tân Bí thư Thành ủy TP.HCM Nguyễn Thiện Nhân, ông Thăng đồng thời cảm ơn và xin lỗi người dân, Đảng bộ, chính quyền TP.HCM.",
            "Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng.",
            "“Quan điểm của chỉ thị lần này là một năm chỉ được thanh tra, kiểm tra 1 lần hoặc kiểm toán 1 lần\", Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng cho biết.",
        ],
        &["tp hcm nguyễn thiện nhân", "vpcp mai tiến dũng"],
        &["nguyễn thiện nhân", "mai tiến dũng"],
    );
    check(
        &[
            "Theo tìm hiểu của PV báo Infonet, vụ việc xảy ra ngày 5/1/2017 tại phòng thực hành Hóa học trường THPT Phan Đình Phùng.",
            "\u{200b}Một nữ sinh trường THPT Phan Đình Phùng (Hoàn Kiếm, Hà Nội) bị bỏng nặng trong giờ thực hành Hóa học, vẫn chưa thể tự tới trường.",
        ],
        &["phan đình phùng"],
        &["hoàn kiếm"],
    );
}
