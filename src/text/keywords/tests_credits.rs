//! Credits and bylines in captions, and words that end no phrase (issue
//! 15): each test is a real baomoi-35k sentence.

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
            "Tại giao lộ Hồng Bàng - Phú Hữu một lô cốt bị sóng đánh ngã hàng raoÀ̉nh: Phạm Hữu Cây ngã đổ ra giữa đường trên đường Huỳnh Mẫn Đạt, quận 5Ảnh: Phan Định Ảnh chụp trên đường Hồng Bàng lúc 15 giờ chiều 15.5 sau trận mưa như trút nướcẢnh: Phạm Hữu An Huy - Phạm Hữu - Phan Định",
        ],
        &["phan định", "phan định ảnh", "bình tânảnh", "tânảnh"],
        &["bình tân", "huỳnh mẫn đạt"],
    );
}

/// "hồi" of a time ends no phrase: "cuộc bầu cử tổng thống Mỹ | hồi năm
/// ngoái"; words that end on it ("thu hồi") stay words.
#[test]
fn a_time_word_ends_no_phrase() {
    check(
        &[
            "Trong khi đó, nhiều nghị sĩ đảng Dân chủ đã công khai cáo buộc Nhà Trắng đang tìm cách can thiệp vào cuộc điều tra của FBI về khả năng nhiều cố vấn của ông Trump đã “bắt tay” với Nga để tác động đến cuộc bầu cử tổng thống Mỹ hồi năm ngoái.",
            "Những cáo buộc trên được đưa ra chỉ chưa đầy 1 tiếng sau khi The Intercept đăng tải tài liệu tối mật của NSA, trong đó có đề cập tới các hành động của Nga thực hiện các cuộc tấn công mạng vào ít nhất 1 nhà cung cấp phần mềm về bầu cử Mỹ và gửi thư điện tử \"spear-phising\" (tức là thư điện tử nhằm đánh lừa người nhận nhấp chuột vào một đường link độc để đánh cắp dữ liệu) tới hơn 100 quan chức bầu cử địa phương vào những ngày trước khi diễn ra cuộc bầu cử tổng thống Mỹ hồi tháng 11/2016.",
            "Tổng mức đầu tư của 155 công trình thuộc 7 dự án thi công được thanh tra, kiểm tra đã có kết luận là 734,246 tỷ đồng; trong đó thu hồi số tiền trên 658 triệu đồng, giảm trừ quyết toán với số tiền là trên 13 tỷ đồng.",
            "Hệ số điều chỉnh đối với mức hỗ trợ đào tạo, chuyển đổi nghề nghiệp và tìm kiếm việc làm cho hộ gia đình, cá nhân khi thu hồi đất nông nghiệp của hộ gia đình, cá nhân trực tiếp sản xuất nông nghiệp là 2.",
        ],
        &["tổng thống mỹ hồi", "bầu cử tổng thống mỹ hồi"],
        &["thu hồi"],
    );
}

/// A credit's label in lower case right after a bracket labels it as
/// "Ảnh:" does: "(ảnh: P.L)", "(ảnh IT)" give no keyword.
#[test]
fn a_credit_label_in_lower_case_after_a_bracket_labels_a_credit() {
    check(
        &[
            "Phụ huynh tấp nập đến đón học sinh học thêm tối 6/2, ở 106/30 đường Tôn Thất Hiệp (ảnh: P.L) Ngoài ra, cô T. dạy tiếng Anh cũng bị phản ánh là có dạy thêm tại địa chỉ này.",
            "Bộ Công Thương thừa nhận có cán bộ đi lễ chùa giờ hành chính (ảnh IT) Bộ Công Thương cho biết, ngay sau khi bản tin được phát, lãnh đạo Bộ Công Thương đã yêu cầu các đơn vị liên quan xác minh làm rõ.",
        ],
        &["p l", "it"],
        &["tôn thất hiệp", "bộ công thương"],
    );
}

/// A credit's label of two syllables ("Đồ họa:", "Biểu đồ:") labels a
/// credit as "Ảnh:" does: the designer or the source is no keyword. A
/// video's title after "Video:" is no credit.
#[test]
fn a_credit_label_of_two_syllables_labels_a_credit() {
    check(
        &[
            "Diễn biến giá vàng từ các phiên giao dịch sau Tết nguyên đán và trước, sau ngày vía thần tài. Đồ họa: Quang Thắng. Trong khi giá vàng trong nước giảm, giá thế giới lại có xu hướng tăng.",
            "Doanh thu của PVD chịu nhiều ảnh hưởng rõ rệt từ biến động giá dầu từ năm 2016 đến nay. Đồ họa: Quang Thắng.",
            "Diễn biến giá dầu Brent. Biểu đồ: Finviz Tuy vậy, giá hai loại dầu này vẫn tăng.",
            "Video: Minh Hằng khóc nấc vì bị Hà Hồ chèn ép.",
        ],
        &["quang thắng", "finviz", "finviz tuy"],
        &["minh hằng", "pvd"],
    );
}

/// Two acronyms parted by a slash, the second a news agency, are a credit
/// even with no label before them ("AFP/TTXVN Sau lễ đón, …", a caption's
/// credit glued to the next sentence); two others stay a name ("HIV/AIDS").
#[test]
fn an_agencys_credit_after_a_slash_is_no_keyword() {
    check(
        &[
            "Tổng thống Emmanuel Macron (phải) và Tổng thống Putin (trái) tại cuộc gặp ở ngoại ô Paris. AFP/TTXVN Sau lễ đón, lãnh đạo hai nước sẽ có cuộc hội đàm với nội dung tập trung vào thúc đẩy quan hệ chính trị-kinh tế và văn hóa song phương, cũng như vấn đề Syria, Ukraine và tình hình Bán đảo Triều Tiên.",
            "Người biểu tình tại Bucharest. (Ảnh: AFP/TTXVN) Truyền thông Romania ước tính có khoảng 500.000 người đã tham gia các cuộc biểu tình mới nhất phản đối chính phủ.",
        ],
        &["afp ttxvn"],
        &["bán đảo triều tiên", "emmanuel macron"],
    );
    check(
        &[
            "Hai nước cũng khẳng định quan hệ đối tác lâu dài trong khuôn khổ Kế hoạch Cứu trợ Khẩn cấp của Tổng thống về Phòng, Chống HIV/AIDS.",
            "Tuổi thọ của các bệnh nhân nhiễm HIV tại một số quốc gia đã được cải thiện thêm 10 năm kể từ khi các loại thuốc chống HIV/AIDS ra đời từ những năm 1990.",
        ],
        &[],
        &["hiv aids"],
    );
}
