//! A newspaper's name is where the news comes from, not what it is about
//! (issue 15).

use super::countries::is_country;
use crate::text::segment::syllable_hash;

/// Is this name a newspaper's, "Báo" and its name ("Báo Thanh Niên", "Báo
/// Lao Động", "Báo Nhân dân")? Where the news comes from, most often the
/// paper's own appeal or signature ("xin bạn đọc gửi về Báo Thanh Niên"),
/// not what it is about: blind readers read it as junk three times
/// (sessions 56–57), as the issue reads "Dân Việt". "Báo chí" (the press)
/// and "Báo động" (an alarm) are words, not a paper's name; one syllable
/// after it names a paper only as a country's press ("Báo Nhật").
pub(super) fn a_papers_name(display: &str) -> bool {
    let Some(rest) = display
        .strip_prefix("Báo ")
        .or_else(|| display.strip_prefix("báo "))
    else {
        return false;
    };
    // One syllable after it is a country's press ("Báo Anh", "Báo Nhật")
    // or no paper at all ("băng cướp Báo Hồng", the Pink Panthers).
    rest.starts_with(char::is_uppercase)
        && (rest.contains(' ') || {
            let lower = rest.to_lowercase();
            PRESS_OF.contains(&lower.as_str()) || is_country(&[syllable_hash(&lower)])
        })
}

/// Countries written short after "Báo", a country's press: "Báo Anh", "Báo
/// Nhật", "Báo Tây" (the West's), "Báo Trung" (China's).
const PRESS_OF: [&str; 13] = [
    "anh", "đức", "hàn", "lào", "mỹ", "nga", "nhật", "pháp", "tây", "thái", "trung", "úc", "ý",
];
