//! The first words of a name, and where a body's name stops (issue 15):
//! each test is a real baomoi-35k sentence, some shortened.

use super::tests_run_ons::check;

/// "Tổ chức" and "Cơ quan" are on the stop list, and a stop phrase begins
/// no name; but capitalised before capitals they head a body's: "Tổ chức
/// Y tế Thế giới" (WHO) is not "Y tế Thế giới", "Cơ quan An ninh Liên
/// bang Nga" (FSB) not the fragment "An ninh Liên bang Nga". At a
/// sentence's start too, where "tổ chức" could be the verb.
#[test]
fn a_bodys_head_on_the_stop_list_stays() {
    check(
        &[
            "Theo báo cáo của Tổ chức Y tế Thế giới (WHO), trong khoảng 57 triệu trường hợp tử vong năm 2008 có 36 triệu là do bệnh không lây nhiễm.",
            "Cơ quan An ninh Liên bang Nga (FSB) vừa bắt giữ 4 phần tử khủng bố thân IS khi những tên này đang chế bom.",
            "Tổ chức Di cư Quốc tế xác nhận trong số này có khoảng 1.309 người.",
        ],
        &["y tế thế giới", "an ninh liên bang nga", "di cư quốc tế"],
        &[
            "tổ chức y tế thế giới",
            "cơ quan an ninh liên bang nga",
            "tổ chức di cư quốc tế",
        ],
    );
}

/// A sentence's capital on a word the news writes in lower case before a
/// name ("cổ phiếu Alibaba", "kinh tế Nga", "quân đội Syria": the list is
/// made from the Dân trí set, `assets/lower-heads-vi.txt`) is no sign of a
/// name: the name after it is the keyword, as inside a sentence. A body's
/// head the news capitalises stays ("Bệnh viện Bạch Mai"), and so does a
/// noun that says what kind of place the name is ("Thành phố Hồ Chí
/// Minh", though the list holds "thành phố").
#[test]
fn a_sentences_capital_on_a_common_word_begins_no_name() {
    check(
        &[
            "Cổ phiếu Alibaba đã tăng hơn 30% năm nay, do lợi nhuận tăng lên.",
            "Quân đội Syria đã giành lại quyền kiểm soát tuyến đường chính nối Al-Bab với Raqqa.",
            "Bệnh viện Bạch Mai đã tập trung máy móc, con người và phương tiện để đưa lên hỗ trợ Bệnh viện đa khoa tỉnh Hòa Bình.",
            "Thành phố Hồ Chí Minh đang tổ chức di dời những khoảng 70 hộ còn lại.",
        ],
        &["cổ phiếu alibaba", "quân đội syria"],
        &["alibaba", "bệnh viện bạch mai", "thành phố hồ chí minh"],
    );
    // Inside a sentence a capital is the writer's: kept.
    check(
        &[
            "Lữ đoàn pháo binh 490 – đơn vị tên lửa đạn đạo Scud đầu tiên của Quân đội Nhân dân Việt Nam vừa kỷ niệm 35 ngày thành lập.",
        ],
        &["nhân dân việt nam"],
        &["quân đội nhân dân việt nam"],
    );
}

/// A body whose name ends on "Quản lý" goes on with what it manages, a
/// verb's noun too ("Cục Quản lý | cạnh tranh"), a noun of one syllable
/// ("Cục Quản lý | giá"); a police body with its
/// branch ("Cơ quan Cảnh sát | điều tra", "Cục Cảnh sát | hình sự"): the
/// name cut before it is no keyword. A body that ends on another verb is
/// whole before a verb ("Ủy ban Kiểm tra | công bố").
#[test]
fn a_bodys_name_goes_on_with_what_it_manages() {
    check(
        &[
            "Ngay sau đó, Thiên Ngọc Minh Uy đã gửi thủ tục và quy trình về Cục Quản lý cạnh tranh.",
            "Sáng 12/5, Cơ quan Cảnh sát điều tra Công an tỉnh Gia Lai ra quyết định khởi tố vụ án.",
            "Sau khi xác định hành vi phạm tội của Thắng, Cục Cảnh sát hình sự đã bắt khẩn cấp để điều tra.",
            "Ủy ban Kiểm tra công bố nhiều sai phạm của ông Đinh La Thăng.",
        ],
        &["cục quản lý", "cơ quan cảnh sát", "cục cảnh sát"],
        &["ủy ban kiểm tra", "đinh la thăng"],
    );
    check(
        &[
            "Cục Quản lý giá cũng nhấn mạnh, các bộ, ngành và địa phương cần tiếp tục chủ động và phối hợp chặt chẽ trong quản lý giá.",
        ],
        &["cục quản lý"],
        &[],
    );
}

/// A qualifier in lower case that ends a body's name is the name's: "Quỹ
/// Tiền tệ quốc tế", "Viện KSND tối cao", "Bệnh viện Nhi trung ương"; the
/// name cut before it is no keyword, nor is a title with the cut name
/// ("Thẩm phán Tòa án nhân dân"; the title stays with the whole one, an
/// office: "Thẩm phán Tòa án nhân dân tối cao", and "Tòa án nhân dân", the
/// kind of court, is still made of its words). Before a capital, or a
/// place's word and a capital, the name goes on further ("Dự án Cảng hàng
/// không quốc tế | Long Thành", "BQL KDL quốc gia | núi Bà Đen"): the cut
/// one is no keyword and none is made. An acronym alone, or a country, keeps no qualifier:
/// "Ban Thư ký APEC | quốc tế", "Hoa hậu Trung Quốc | quốc tế". A continent
/// after "châu" goes on a body's name too ("Đại hội Thể thao | châu Á").
#[test]
fn a_qualifier_in_lower_case_goes_on_a_bodys_name() {
    check(
        &[
            "Chiều nay, 17-5, Ủy ban thường vụ Quốc hội (UBTVQH) sẽ họp riêng để cho ý kiến về việc tách nội dung bồi thường, hỗ trợ, tái định cư thành Tiểu dự án để triển khai Dự án Cảng hàng không quốc tế Long Thành.",
            "Đối với việc phê chuẩn đề nghị của Chánh án Tòa án nhân dân tối cao về việc bổ nhiệm 2 Thẩm phán Tòa án nhân dân tối cao, Chủ nhiệm Ủy ban Tư pháp của Quốc hội Lê Thị Nga cho biết cơ quan trình không bảo đảm tiến độ chuẩn bị.",
            "Theo BS Trần Thu Thủy (Bệnh viện Nhi trung ương), phần lớn nhiệt dư thừa được thải qua da.",
        ],
        &[
            "dự án cảng hàng không",
            "dự án cảng hàng không quốc tế",
            "chánh án tòa án nhân dân",
            "thẩm phán tòa án nhân dân",
            "bệnh viện nhi",
        ],
        &["long thành", "lê thị nga", "trần thu thủy"],
    );
    check(
        &[
            "BQL KDL quốc gia núi Bà Đen cho biết, suốt những ngày qua đã phối hợp cùng lực lượng Công an, Quân sự tỉnh Tây Ninh thường trực 24/24.",
            "BQL KDL quốc gia núi Bà Đen cho biết, suốt những ngày qua đã phối hợp cùng lực lượng Công an, Quân sự tỉnh Tây Ninh thường trực 24/24.",
        ],
        &["bql kdl quốc gia"],
        &["tỉnh tây ninh"],
    );
    check(
        &[
            "Quỹ Tiền tệ quốc tế (IMF) nhất trí rằng Hy Lạp có thể sẽ cần thêm các khoản xóa nợ.",
            "Quỹ Tiền tệ quốc tế đưa ra dự báo tăng trưởng Việt Nam tăng lên mức 6,5% trong năm 2017 và 6,3% trong năm 2018, sau khi chỉ đạt mức 6,2% trong năm 2016.",
            "Viện KSND tối cao vừa trả hồ sơ điều tra bổ sung vụ án Lê Xuân Giang – Chủ tịch HĐQT Công ty Cổ phần Liên kết sản xuất thương mại Việt Nam (Liên Kết Việt) cùng đồng phạm “Lừa đảo chiếm đoạt tài sản” quy định tại Điều 139 BLHS.",
            "Ủy ban Chữ thập Đỏ quốc tế báo động đỏ diễn biến dịch tả tại Yemen",
            "Theo BS Trần Thu Thủy (Bệnh viện Nhi trung ương), phần lớn nhiệt dư thừa được thải qua da.",
        ],
        &["quỹ tiền tệ", "viện ksnd", "bệnh viện nhi"],
        &[
            "quỹ tiền tệ quốc tế",
            "viện ksnd tối cao",
            "ủy ban chữ thập đỏ quốc tế",
            "bệnh viện nhi trung ương",
        ],
    );
    check(
        &[
            "Vẻ gợi cảm của Hoa hậu Trung Quốc quốc tế khi vừa gia nhập làng giải trí.",
            "Vẻ gợi cảm của Hoa hậu Trung Quốc quốc tế khi vừa gia nhập làng giải trí.",
        ],
        &["trung quốc quốc tế"],
        &["trung quốc"],
    );
    // A continent, "châu" in lower case ("Đại hội Thể thao | châu Á").
    check(
        &[
            "Đại hội Thể thao châu Á mùa Đông sẽ có tổng cộng khoảng 2.000 VĐV và các quan chức liên quan đến từ 32 quốc gia và vùng lãnh thổ tham dự.",
            "Chính phủ Nhật Bản đã quyết định cho phép các vận động viên (VĐV) và quan chức Triều Tiên vào Nhật Bản để tham dự Đại hội Thể thao châu Á mùa Đông Sapporo 2017.",
            "Chủ tịch Ngân hàng Trung ương châu Âu (ECB) Mario Draghi.",
            "- FRANKFURT - Hội đồng điều hành Ngân hàng Trung ương châu Âu (ECB) nhóm họp.",
        ],
        &["đại hội thể thao", "ngân hàng trung ương"],
        &["nhật bản", "ecb"],
    );
    // Not one word alone: "nhà vô địch MMA | châu Âu" keeps "MMA".
    check(
        &[
            "Video Mã Bảo Quân đánh bại nhà vô địch MMA châu Âu Peter Irving: Q.H (Tổng hợp)",
            "Video Mã Bảo Quân đánh bại nhà vô địch MMA châu Âu Peter Irving: Q.H (Tổng hợp)",
        ],
        &[],
        &["mma"],
    );
    check(
        &[
            "Bộ Công Thương sẽ phối hợp với Ban Thư ký APEC quốc tế và đơn vị tài trợ là Google và Asia Foundation tổ chức Cuộc thi viết phần mềm tiếp cận thị trường cho các doanh nghiệp vừa, nhỏ và siêu nhỏ.",
        ],
        &[],
        &["apec"],
    );
}

/// A law is not named by its verb alone, whatever follows it ("Luật Bảo vệ
/// | và phát triển rừng", "Luật Sửa đổi | , bổ sung"); a fund that steadies
/// a price goes on with it ("Quỹ Bình ổn | giá"); a meeting of an office's
/// holder with others goes on ("Hội nghị Thủ tướng | với doanh nghiệp", "|
/// và doanh nghiệp"),
/// not one named by its place ("Hội nghị Malta | với những vấn đề").
#[test]
fn a_law_a_fund_and_a_meeting_go_on_past_their_verb() {
    check(
        &[
            "Các dự án luật được Quốc hội thảo luận, cho ý kiến, gồm: Luật Quản lý nợ công (sửa đổi); Luật Bảo vệ và phát triển rừng (sửa đổi); Luật Thủy sản (sửa đổi); Luật Tố cáo (sửa đổi); Luật Sửa đổi, bổ sung một số điều của Luật Các tổ chức tín dụng.",
            "Đặc biệt, theo quy định của Luật Sửa đổi, bổ sung một số điều của Luật Thuế tiêu thụ đặc biệt, từ ngày 01/01/2016, thuế suất thuế tiêu thụ đặc biệt sản phẩm thuốc lá tiếp tục được điều chỉnh tăng lên mức 70%.",
            "Hội nghị Thủ tướng với doanh nghiệp lần thứ nhất được tổ chức tại TP.HCM vào ngày 29/4/2016.",
            "Chiều ngày 8/5, Văn phòng Chính phủ tổ chức họp báo công bố thông tin về Hội nghị Thủ tướng với doanh nghiệp lần thứ 2.",
        ],
        &["luật bảo vệ", "luật sửa đổi", "hội nghị thủ tướng"],
        &["luật thủy sản", "văn phòng chính phủ"],
    );
    check(
        &[
            "- Trước hết, sự thay đổi lớn nhất sau Hội nghị Thủ tướng và doanh nghiệp 2016 là thay đổi tích cực về tư duy.",
            "Tiếp theo Hội nghị Thủ tướng và doanh nghiệp lần thứ nhất năm 2016, “Hội nghị Diên Hồng” lần 2 sẽ được tổ chức vào ngày 17/5 tới tại Hà Nội.",
        ],
        &["hội nghị thủ tướng"],
        &["hội nghị diên hồng"],
    );
    check(
        &[
            "Quỹ Bình ổn giá xăng dầu còn dư gần 2.400 tỷ đồng",
            "Quỹ Bình ổn giá xăng dầu dư gần 2,4 nghìn tỷ đồng",
        ],
        &["quỹ bình ổn"],
        &[],
    );
    check(
        &["Hội nghị Malta với những vấn đề định đoạt đến tương lai EU"],
        &[],
        &["hội nghị malta"],
    );
}

/// A body's head after a title, before its field's acronym (which starts a
/// run of its own), is no keyword: "Chánh Thanh tra Bộ | VH-TT&DL". Nor is a
/// ministry cut at its spaced "&" ("Bộ GD | & ĐT", `not-keywords-vi.txt`).
#[test]
fn a_bodys_head_before_its_fields_acronym_ends_no_keyword() {
    check(
        &[
            "Trao đổi cùng phóng viên An ninh Thủ đô, ông Vũ Xuân Thành, Chánh Thanh tra Bộ VH-TT&DL cho biết, theo điều 4 của Thông tư 15/2015/TT-BVHTTDL Quy định về tổ chức lễ hội mà Bộ VH-TT&DL ban hành tháng 12-2015 thì nghi thức thắt cổ trâu ở đền Đông Cuông là hành động bạo lực, man rợ.",
            "Ảnh chụp màn hình Theo đó, Bộ GD & ĐT yêu cầu Sở GD & ĐT Hà Nội chỉ đạo, kiểm tra làm rõ về vụ việc.",
            "Chiều 7-7, Bộ GD & ĐT đã có phân tích phổ điểm theo khối thi truyền thống, nhằm cung cấp thêm cho thí sinh dữ liệu trước khi xét tuyển.",
        ],
        &["chánh thanh tra bộ", "bộ gd"],
        &["vũ xuân thành", "bộ gd đt"],
    );
}

/// A run that repeats its first syllable in capitals is two names (a
/// caption met the next sentence, a fixtures list: "U20 Senegal | U20
/// Pháp"), but not where the repeat is a person's middle syllable after
/// the family name ("Quốc hội | Phùng Quốc Hiển") or begins another word of
/// the same name ("Trung tâm Khí tượng Thủy văn Trung ương"); a title and
/// its body still part ("Cục trưởng | Cục Thú y", "Ủy viên Thường trực |
/// Ủy ban").
#[test]
fn a_repeated_syllable_inside_a_name_parts_nothing() {
    check(
        &[
            "Phó chủ tịch Quốc hội Phùng Quốc Hiển phát biểu tại phiên họp.",
            "Phát biểu tại phiên họp, Phó chủ tịch Quốc hội Phùng Quốc Hiển nhấn mạnh, việc tách dự án như Chính phủ trình phải dựa trên nghị quyết đã được Quốc hội thông qua.",
            "Theo Trung tâm Khí tượng Thủy văn Trung ương, sáng nay (07/02), bộ phận không khí lạnh vẫn đang di chuyển xuống phía Nam.",
            "Sáng nay (7-2), Trung tâm Khí tượng Thủy văn Trung ương cho biết bộ phận không khí lạnh đã báo vẫn đang di chuyển xuống phía Nam.",
        ],
        &["quốc hiển", "quốc hội phùng"],
        &["phùng quốc hiển", "trung tâm khí tượng thủy văn trung ương"],
    );
    check(
        &[
            "Theo Cục trưởng Cục Thú y, sở dĩ xuất khẩu thịt lợn vẫn còn hạn chế do nhiều tồn tại, bất cập trong chăn nuôi, giết mổ lợn và xuất khẩu.",
            "Cục trưởng Cục Thú y cho biết thêm.",
        ],
        &["cục trưởng cục thú y"],
        &["cục thú y"],
    );
    // A repeat that begins another name still parts them (a fixtures
    // list, a title and its body), one in lower case does not.
    check(
        &[
            "Kết quả các trận đấu vòng 1/8 VCK U20 World Cup 2017 ngày 1/6: U20 Mexico 1-0 U20 Senegal U20 Pháp 1-2 U20 Italia U20 Mỹ 6-0 U20 New Zealand Đức Anh",
            "Kết quả các trận đấu vòng 1/8 VCK U20 World Cup 2017 ngày 1/6: U20 Mexico 1-0 U20 Senegal U20 Pháp 1-2 U20 Italia U20 Mỹ 6-0 U20 New Zealand Đức Anh",
            "Ông Lưu Bình Nhưỡng, Ủy viên Thường trực Ủy ban Về các vấn đề xã hội của Quốc hội Theo ông Lưu Bình Nhưỡng, công tác tiếp dân, giải quyết KN, TC là một trong những nhiệm vụ, “điểm nới” rất quan trọng.",
            "Tuy nhiên, Diễn đàn Xiangshan này sẽ không được tổ chức trong năm nay, theo tiết lộ của một quan chức thuộc Học viện Khoa học quân sự của Quân đội giải phóng nhân dân Trung Quốc (PLA) – đơn vị bảo trợ chính cho diễn đàn này.",
        ],
        &["ủy viên thường trực ủy ban"],
        &["u20 pháp", "học viện khoa học quân sự"],
    );
}

/// A stop syllable goes on no name, but one that begins a noun goes on a
/// body's name written out ("Diễn đàn Kinh tế | thế giới", "Trung tâm
/// Dịch vụ | việc làm"): the name cut before it is no keyword. Not a verb
/// ("Bộ Tài chính | cho biết", "Bộ Chính trị | làm việc"), nor a word of
/// now or then ("Học viện Báo chí và Tuyên truyền | hiện nay", "Quân đội
/// Singapore | trước đây"), nor after an
/// acronym ("FTA | thế hệ mới").
#[test]
fn a_noun_that_begins_on_a_stop_syllable_goes_on_a_bodys_name() {
    check(
        &[
            "Trưa 11/5, Thủ tướng Nguyễn Xuân Phúc và Đoàn cấp cao Việt Nam đã tới sân bay Po Chen Tong, bắt đầu tham dự Diễn đàn Kinh tế thế giới về ASEAN.",
            "Theo thống kê của Trung tâm Dịch vụ việc làm Hà Nội, hầu hết doanh nghiệp tham gia sàn giao dịch chủ yếu tới từ khu vực ngoài nhà nước.",
            "Ngày 7/2, Bộ Tài chính cho biết đã tạm cấp (lần 2) 1.",
            "Đoàn công tác của Bộ Chính trị làm việc tại Bộ Giao thông.",
            "Khoa Báo chí là một trong những “con nòi” đầu tiên của Trường Đại học Tuyên giáo, tiền thân của Học viện Báo chí và Tuyên truyền hiện nay.",
            "Mặt khác SAF cũng đang có kế hoạch thay thế dòng xe bọc thép M113A2 vốn cũng do ST Kinetics nâng cấp cho Quân đội Singapore trước đây.",
        ],
        &["diễn đàn kinh tế", "trung tâm dịch vụ"],
        &[
            "bộ tài chính",
            "bộ chính trị",
            "học viện báo chí và tuyên truyền",
            "quân đội singapore",
        ],
    );
    // Nor after capitals alone: an acronym's noun after it is its own.
    check(
        &[
            "Trong đó có những FTA thế hệ mới có phạm vi cam kết rộng và mức độ cam kết cao như Hiệp định Đối tác xuyên Thái Bình Dương (TPP).",
        ],
        &[],
        &["fta"],
    );
}

/// A sentence that begins on a word of one syllable the news writes in
/// lower case before a name ("vợ", "phía", "xe": the list, from the Dân
/// trí set) capitalises it; where every run of the name begins so and the
/// article names what follows on its own too, the word is not the name's:
/// "Vợ Lý Hải" (a headline) beside "vợ Lý Hải - Minh Hà" (its body),
/// "Phía Viettel" beside "phía Viettel Telecom" and "của Viettel". The
/// name after it stays whole, no fragment of the cut run ("Lý Hải").
#[test]
fn a_sentences_first_word_before_a_name_of_its_own_is_not_the_names() {
    check(
        &[
            "Vợ Lý Hải vẫn gợi cảm 'mòn con mắt' dù ở nhà chăm 4 con",
            "Nhìn những hình ảnh mới nhất của vợ Lý Hải - Minh Hà, khán giả đều ngỡ ngàng khi biết cô đã là mẹ của 4 đứa con.",
        ],
        &["vợ lý hải"],
        &["lý hải"],
    );
    check(
        &[
            "Tin nhắn quảng cáo Viettel bất ngờ xuất hiện chữ 'tượng hình'",
            "Tối 10/2, nhiều thuê bao của Viettel đã nhận được tin nhắn từ tổng đài quảng cáo của nhà mạng với nội dung… không thể đọc được.",
            "Về nguyên nhân, phía Viettel Telecom cho biết do nhân viên kỹ thuật trong quá trình cấu hình đầu số quảng cáo 198 bị sai.",
            "Phía Viettel cũng mong muốn khách hàng thông cảm vì sự cố hy hữu này./.",
        ],
        &["phía viettel"],
        &["viettel"],
    );
    check(
        &[
            "Xe Fortuner lao vào \"chợ cóc\" tông 3 người thương vong",
            "Ngoài ra, chiếc xe ô tô 7 chỗ Fortuner còn tông văng 2 xe máy, 3 xe đạp xuống mương nước cạnh đường.",
        ],
        &["xe fortuner"],
        &["fortuner"],
    );
}

/// What stays: a name the article writes inside a sentence too ("của Giả
/// Tịnh Văn", the actress, beside "Giả Tịnh Văn sau 14 năm" and "của Tịnh
/// Văn": "giả" is on the list); one whose rest it never names alone (a
/// headline's "Nhà | Trắng", "Miền | Bắc" beside "miền Bắc"); a place's own noun ("Sân Thống Nhất" beside "sân Thống Nhất",
/// "SVĐ Thống Nhất") or its administrative word ("Tỉnh Lâm Đồng" beside
/// "tỉnh Lâm Đồng"); a word before a country ("Tuyển Việt Nam").
#[test]
fn a_sentences_first_word_stays_in_a_name_that_needs_it() {
    check(
        &["Nhà Trắng: Tên lửa Triều Tiên bay tới sát Nga hơn Nhật"],
        &[],
        &["nhà trắng"],
    );
    check(
        &[
            "Sân Thống Nhất đủ sức tự chủ",
            "“Không giống sân Hàng Đẫy, sân Thống Nhất là đơn vị sự nghiệp loại 1, tự chủ được về tài chính.",
            "Phong trào điền kinh đang dựa vào SVĐ Thống Nhất.",
        ],
        &[],
        &["sân thống nhất"],
    );
    check(
        &[
            "Cận ngày diễn ra lễ hội hoa mai anh đào Đà Lạt nhưng tỉnh Lâm Đồng quyết định hủy vì lý do thời tiết thất thường hoa không nở được.",
            "Tỉnh Lâm Đồng hủy tổ chức Ngày hội hoa mai anh đào Đà Lạt do thời tiết bất lợi.",
        ],
        &[],
        &["tỉnh lâm đồng"],
    );
    check(
        &[
            "Thông thường trong và sau Tết miền Bắc sẽ có mưa xuân, nhưng năm nay người dân đón kiểu thời tiết nắng hanh.",
            "Miền Bắc đang trải qua những ngày nắng ấm sau Tết.",
        ],
        &[],
        &["miền bắc"],
    );
    check(
        &[
            "Giả Tịnh Văn sau 14 năm vẫn trẻ trung, xinh đẹp như ngày nào.",
            "Đây là vai diễn thành công nhất của Giả Tịnh Văn dù trước đó cô tham gia nhiều bộ phim như Tiểu Lý phi đao.",
            "Dù là cha dượng nhưng Tu Kiệt Khải rất thương yêu con gái riêng của Tịnh Văn với người chồng cũ.",
        ],
        &[],
        &["giả tịnh văn"],
    );
    check(
        &[
            "HLV Bernhardt chia sẻ vì nhiều lý khác nhau ông không thể có được đội hình mạnh nhất để mang sang Việt Nam.",
            "Tuyển Việt Nam sẽ mặc bộ trang phục màu trắng.",
        ],
        &[],
        &["tuyển việt nam"],
    );
}

/// Any dictionary word of two or three syllables that begins a sentence
/// owes its capital to the sentence, not to the name after it, where every
/// run of the name begins so and the article names what follows on its own
/// too (the one-syllable words of the list above need the same): "Lỗ
/// hổng | EternalBlue" beside "lỗ hổng EternalBlue", "Giám khảo | Trấn
/// Thành" beside "cùng với Trấn Thành", "Tương lai | Ronaldo". The name after
/// it is the keyword.
#[test]
fn a_sentences_first_word_of_two_syllables_before_a_name_of_its_own_is_not_the_names() {
    check(
        &[
            "Cuộc tấn công của các ransomware tận dụng lỗ hổng EternalBlue hôm 27/6 được Kaspersky khẳng định không liên quan đến Petya.",
            "Lỗ hổng EternalBlue khai thác trên các máy tính Windows, được cho là do Cơ quan an ninh quốc gia Mỹ phát hiện.",
        ],
        &["lỗ hổng eternalblue"],
        &["eternalblue"],
    );
    check(
        &[
            "Trấn Thành khóc đỏ mắt vì thí sinh thi hát để giành 50 triệu",
            "Phạm Hồng Phước đã là khách mời cùng với Trấn Thành, Cẩm Ly làm giám khảo.",
            "Giám khảo Trấn Thành hết lời khen ngợi giọng hát đầy đặn, xuống những nốt thấp.",
        ],
        &["giám khảo trấn thành"],
        &["trấn thành"],
    );
    check(
        &[
            "Ronaldo và Lewandowski đổi chỗ vào hè 2017?",
            "Barca cho biết Real sẽ không nhượng bộ lời dọa dẫm của Ronaldo. Tương lai Ronaldo đang bị đặt dấu hỏi.",
        ],
        &["tương lai ronaldo"],
        &["ronaldo"],
    );
}

/// What stays: a word the news capitalises inside a sentence, a name's head
/// or a title ("Hải quân Hàn Quốc", "Đại sứ Mỹ": the list of such words,
/// `assets/capitalised-words-vi.txt`, from the Dân trí set); a name the
/// article writes inside a sentence too ("chương trình Thần tượng
/// Bolero"); a kind of thing named with its name ("Thành phố Hồ Chí Minh";
/// "Tên lửa Bulava" in the weapons' test below).
#[test]
fn a_sentences_first_word_of_two_syllables_stays_in_a_name_that_needs_it() {
    check(
        &[
            "Hải quân Hàn Quốc cho biết tàu chiến của Triều Tiên đã rời khỏi vùng biển.",
            "Tàu của hải quân Hàn Quốc đã bắn cảnh cáo, theo Seoul. Hàn Quốc đang theo dõi.",
        ],
        &[],
        &["hải quân hàn quốc"],
    );
    check(
        &[
            "Thần tượng Bolero: Thí sinh khiến giám khảo bật khóc",
            "Đêm thi thứ 5 của chương trình Thần tượng Bolero diễn ra sôi động.",
            "Với chất giọng nhẹ nhàng, trầm ấm đậm chất Bolero, cô chiếm được tình cảm của khán giả.",
        ],
        &[],
        &["thần tượng bolero"],
    );
    check(
        &[
            "Thành phố Hồ Chí Minh sẽ có thêm 3 tuyến buýt nhanh.",
            "Các tuyến này nối trung tâm Hồ Chí Minh với các quận ven.",
        ],
        &[],
        &["thành phố hồ chí minh"],
    );
}

/// "Mặc" (despite) heading a sentence before a country or a body is no
/// word of its name: "Mặc | Mỹ dọa…", "Mặc | Tòa tối cao, …". A name that
/// begins on it stays whole (the clause "Mặc Uyên luôn…", its own sentence
/// here).
#[test]
fn despite_before_a_country_or_a_body_is_no_word_of_its_name() {
    check(
        &[
            "Mặc Mỹ dọa trả giá đắt, Tổng thống Syria vẫn cưỡi chiến đấu cơ Su-35",
            "Mặc Mỹ dọa trả giá đắt, Tổng thống Syria vẫn cưỡi chiến đấu cơ Su-35",
            "Mặc Tòa tối cao, ông Duterte tiếp tục thiết quân luật",
            "Mặc Tòa tối cao, ông Duterte tiếp tục thiết quân luật",
        ],
        &["mặc mỹ", "mặc tòa"],
        &["tổng thống syria", "duterte"],
    );
    check(
        &[
            "Mặc Uyên luôn có những cử chỉ quan tâm đặc biệt đối với Bạch Thiển.",
            "Mặc Uyên luôn có những cử chỉ quan tâm đặc biệt đối với Bạch Thiển.",
        ],
        &[],
        &["mặc uyên"],
    );
}

/// A headline that begins on a verb or an adjective of two syllables
/// capitalises it before a name of one word: the verb is no word of the
/// name ("Nhấn chìm | Liechtenstein", "Độc đáo | Yamaha").
#[test]
fn a_verb_that_begins_a_headline_is_no_word_of_a_one_word_name() {
    check(
        &[
            "Nhấn chìm Liechtenstein, Italia vẫn xếp sau Tây Ban Nha",
            "Độc đáo Yamaha, mẫu xe được độ lại theo phong cách cổ điển.",
        ],
        &["nhấn chìm liechtenstein", "độc đáo yamaha"],
        &["liechtenstein", "yamaha"],
    );
}

/// A weapon's kind that begins a sentence before a country is the
/// country's weapon, no name ("Tên lửa | Triều Tiên"); before a model's
/// name it is one ("Tên lửa Bulava"), and a place's kind before a country
/// stays ("Bán đảo Triều Tiên").
#[test]
fn a_weapons_kind_before_a_country_is_no_word_of_a_name() {
    check(
        &[
            "Tên lửa Triều Tiên mới phóng được xác định là Hwasong-12.",
            "Xe tăng Mỹ triển khai thế trận tấn công quân Iraq.",
            "Bán đảo Triều Tiên đang trở nên rất căng thẳng khi Washington và Bình Nhưỡng liên tục có \
             hành động mạnh mẽ nhằm vào nhau.",
            "Tên lửa Bulava được khởi chế từ năm 1998.",
        ],
        &["tên lửa triều tiên", "xe tăng mỹ"],
        &["bán đảo triều tiên", "tên lửa bulava"],
    );
}

/// A vehicle, a maker or a people before a name is a common word glued to
/// it, as readers take it (session 27's to 45's readings: "Xe Camry",
/// "Hãng Suzuki", "dân Hà Nội" read as a stretch): the name is the keyword.
#[test]
fn a_vehicle_a_maker_or_a_people_before_a_name_is_not_the_names() {
    check(
        &[
            "Cần Thơ, xe Camry 4 chỗ ngồi hiệu Toyota; biển 65A- 000.",
            "Toyota thông báo giữ nguyên không điều chỉnh giá các dòng xe Camry, Corolla Altis, Vios, Innova.",
        ],
        &["xe camry"],
        &["camry"],
    );
    check(
        &[
            "Vào giữa tháng 1 vừa qua, hãng Toyota đã chính thức giới thiệu Yaris phiên bản nâng cấp tại thị trường quê nhà Nhật.",
            "Cũng theo ông Nguyễn Tuấn, lúc đó, các hãng Toyota, Honda hầu hết chuyển sang nhập khẩu, bởi thuế phụ tùng quá cao.",
            "Một số hình ảnh người dân Hà Nội xếp hàng mua vàng trong ngày Thần tài.",
            "Đại diện Sở Du lịch Hà Nội cho biết thêm, không chỉ quan trọng với người dân Hà Nội, Bộ Quy tắc rất cần thiết.",
        ],
        &["hãng toyota", "dân hà nội"],
        &["toyota", "hà nội"],
    );
}

/// A school's kind ("Trường" and its level) and the name after it are one
/// body's name, a person's name too ("Trường Tiểu học Lý Tự Trọng", an
/// acronym's level: "Trường THPT Phan Đình Phùng"); the kind without a name
/// after it is none ("Trường THPT | chuyên Phan Bội Châu").
#[test]
fn a_schools_kind_and_its_name_are_one() {
    check(
        &[
            "Những người này tiếp tục tới Trường Tiểu học Lý Tự Trọng và ngã ba đường ở trung tâm xã Ea Uy phát bánh kẹo cho học sinh và người đi đường.",
            "Trường THPT Phan Đình Phùng - nơi xảy ra sự việc đau lòng.",
            "Học sinh Trường THPT Chuyên Lê Hồng Phong (TP.HCM).",
            "Mới đây, Hiệu trưởng Trường THPT Chu Văn An, tỉnh An Giang đã thẳng thắn phản ánh, những thay đổi trong tuyển sinh mấy năm qua đã ảnh hưởng đến chất lượng giáo dục THPT và từ khi có chuyện xét học bạ, điểm HS lớp 12 cao thấy rõ.",
            "Không biết trong kỳ thi chính thức, Bộ xử lý tình huống này như thế nào? (Trần Văn Toàn, Tổ trưởng tổ toán Trường THPT Marie Curie, Q.",
            "Còn em Trần Quý Vinh, học sinh Trường Trung học phổ thông Trần Phú cho biết, em không bị bỡ ngỡ về hình thức thi trắc nghiệm môn Toán, để đạt được điểm trung bình với đề thi là không khó.",
            "Giờ học của lớp 12C2 Trường THPT chuyên Phan Bội Châu - lớp có nhiều học sinh đạt giải môn Lịch sử.",
            "Lý giải về việc cho học sinh nghỉ học, bà Lê Thị Thúy, Hiệu trưởng Trường Mầm non cho biết, sở dĩ nhà trường cho các cháu nghỉ học vì ngày hôm thứ 6 đó nhiều học sinh không được cha mẹ đưa đến trường.",
            "Các Trường THPT còn lại nhanh chóng triển khai công tác tự đánh giá tại đơn vị và hoàn thành chậm nhất trong năm học 2017-2018, tiến tới thực hiện công tác đánh giá ngoài vào năm học 2018-2019.",
        ],
        &[
            "lý tự trọng",
            "trường tiểu học",
            "phan đình phùng",
            "trường thpt",
            "lê hồng phong",
            "marie curie",
            "hiệu trưởng trường thpt chu văn an",
            "trần phú",
            "trường thpt chuyên",
            "hiệu trưởng trường mầm non",
            "các trường thpt",
        ],
        &[
            "trường tiểu học lý tự trọng",
            "trường thpt phan đình phùng",
            "trường thpt chuyên lê hồng phong",
            "trường thpt marie curie",
            "trường thpt chu văn an",
            "trường trung học phổ thông trần phú",
            "phan bội châu",
        ],
    );
}

/// "Vụ" at a sentence's start before a name is the case of it ("Vụ |
/// Phương Nga"): the name is the keyword, not "Vụ Phương Nga". A
/// ministry's department, named by its field, keeps its "Vụ" ("Vụ Pháp
/// chế", "Vụ Kế hoạch").
#[test]
fn the_case_of_a_name_is_not_its_name() {
    check(
        &[
            "Vụ án Phương Nga được xem là điển hình, thể hiện đúng tinh thần cải cách tư pháp.",
            "Vụ Phạm Công Danh đã đưa ra xét xử, vụ Hà Văn Thắm cũng đang xét xử.",
            "Vụ Hoa hậu Phương Nga - Cao Toàn Mỹ phức tạp hơn vì đến tận bây giờ, dư luận vẫn \
             trái chiều.",
            "Vụ Formosa: Giáng chức 1 Phó tổng cục trưởng Bộ TN&MT.",
            "Vụ Trung tâm Cấp cứu 115 Hà Nội tắc trách: Sắp nghỉ hưu, bác sĩ vẫn bị kỷ luật.",
            "Vụ Pháp chế được giao chủ trì tổ chức quán triệt việc thi hành Luật.",
            "Vụ Kế hoạch chủ trì, lập báo cáo tổng thể về 12 dự án.",
            // A field of three syllables, a number, a district (an
            // independent review's finds).
            "Bộ Y tế (Vụ Trang thiết bị và Công trình y tế) đề nghị Sở Y tế và các đơn vị y tế trực thuộc.",
            "Vụ II Thanh tra Chính phủ được giao thanh tra tại Bộ Quốc phòng.",
            "Xe khách va chạm với đường dân sinh thuộc địa phận xã Liên Minh (Vụ Bản, Nam Định), va chạm với tàu hỏa.",
            // The case of what a country did is no "Vụ Mỹ" (a second
            // review's find).
            "Vụ Mỹ bắn rơi Su-22: Washington cảnh báo cả Thổ Nhĩ Kỳ.",
        ],
        &[
            "vụ án phương nga",
            "vụ phạm công danh",
            "vụ hoa hậu phương nga",
            "vụ formosa",
            "vụ trung tâm cấp cứu 115",
            "vụ trung tâm cấp cứu",
            "vụ mỹ",
        ],
        &[
            "phương nga",
            "phạm công danh",
            "formosa",
            "vụ pháp chế",
            "vụ kế hoạch",
            "vụ trang thiết bị",
            "vụ ii thanh tra chính phủ",
            "vụ bản",
        ],
    );
}

/// A body's name that goes on past a dash is one name ("Tập đoàn Công
/// nghiệp Than - Khoáng sản Việt Nam"), and the part after the dash no
/// keyword where the article names it so only. Two persons a dash parts
/// stay two, and so do a title's office and its holder.
#[test]
fn a_bodys_name_goes_on_past_a_dash() {
    check(
        &[
            "Tập đoàn Điện lực Việt Nam (EVN), Tập đoàn Dầu khí Việt Nam (PVN), Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam (Vinacomin) theo phương án được Thủ tướng Chính phủ phê duyệt.",
            "Tham dự có 500 đại biểu gồm đại diện lãnh đạo Đảng, Nhà nước, thành viên Hội đồng Thi đua - Khen thưởng Trung ương, Trưởng đoàn Đại biểu Quốc hội 63 tỉnh, thành phố.",
            "Xuất hiện trong không gian riêng tư với bạn bè thân thiết nên Trường Giang - Nhã Phương đã không ngần ngại thể hiện tình cảm dành cho nhau.",
            "Hôm nay, Uber sẽ công bố các đề xuất thay đổi của cựu Bộ trưởng Tư pháp Mỹ - Eric Holder sau cuộc điều tra kéo dài từ đầu năm.",
            // A person, another body after the dash (an independent
            // review's finds).
            "Phát ngôn viên Bộ Quốc phòng Ukraine - Dmitry Gutsulyak đã thông báo điều này với cánh báo chí.",
            "Anh Trần Trung Nghĩa, Bí thư Đoàn Trường Đại học Bách khoa – Đại học Quốc gia Thành phố Hồ Chí Minh cho rằng, để xây dựng phong trào.",
            // A place a dash parts goes on the body's name too.
            "Trưởng Công an TP Phan Rang - Tháp Chàm cho biết như vậy.",
        ],
        &[
            "khoáng sản việt nam",
            "khen thưởng trung ương",
            "trường giang nhã phương",
            "bộ trưởng tư pháp mỹ eric holder",
            "bộ quốc phòng ukraine dmitry gutsulyak",
            "đoàn trường đại học bách khoa đại học quốc gia thành phố hồ chí minh",
            "trường đại học bách khoa đại học quốc gia thành phố hồ chí minh",
            "tháp chàm",
        ],
        &[
            "tập đoàn công nghiệp than khoáng sản việt nam",
            "hội đồng thi đua khen thưởng trung ương",
            "trường giang",
            "nhã phương",
            "eric holder",
            "dmitry gutsulyak",
            "bộ quốc phòng ukraine",
            "công an tp phan rang tháp chàm",
        ],
    );
}
