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
