//! Unit tests of the HTML parser's pieces.

use super::decode::meta_charset;
use super::*;

#[test]
fn dates_inside_date_lines() {
    let d = |s: &str| date_in_text(s).map(|d| d.to_rfc3339());
    assert_eq!(
        d("| Cập nhật thứ hai, ngày 24/12/12 11:05 tối").as_deref(),
        Some("2012-12-24T23:05:00+07:00")
    );
    assert_eq!(
        d("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)").as_deref(),
        Some("2012-12-24T03:04:00+07:00")
    );
    assert_eq!(
        d("Theo Ngoisao | 25/12/2012 10:25").as_deref(),
        Some("2012-12-25T10:25:00+07:00")
    );
    assert_eq!(d("Xem theo ngày tháng"), None);
    assert_eq!(d("31/02/2012"), None);
}

#[test]
fn meta_charset_forms() {
    let enc = |s: &str| meta_charset(s.as_bytes()).map(|e| e.name());
    assert_eq!(enc("<meta charset=\"windows-1258\">"), Some("windows-1258"));
    assert_eq!(enc("<META CHARSET=utf-8>"), Some("UTF-8"));
    assert_eq!(
        enc("<meta http-equiv=\"Content-Type\" content=\"text/html;charset=gb2312\" />"),
        Some("GBK")
    );
    assert_eq!(enc("<meta name=\"description\" content=\"charset\">"), None);
    assert_eq!(enc("<p>no meta</p>"), None);
}

#[test]
fn decoding_order() {
    // Valid UTF-8 beats a stale legacy declaration, and a server's
    // ISO-8859-1 default (it saved "Viá»‡t"); the HTTP charset beats the
    // page's own otherwise.
    let page = "<meta charset=\"gb2312\"><p>Việt</p>";
    assert!(
        decode_html("p", page.as_bytes(), None)
            .unwrap()
            .contains("Việt")
    );
    let latin = decode_html("p", page.as_bytes(), Some("iso-8859-1")).unwrap();
    assert!(latin.contains("Việt"), "{latin}");
    // A real Latin-1 page (not UTF-8) under ISO-8859-1 stays Latin-1.
    assert_eq!(
        decode_html("p", b"<p>caf\xE9 cr\xE8me</p>", Some("iso-8859-1")).unwrap(),
        "<p>café crème</p>"
    );
    assert_eq!(
        decode_html(
            "p",
            b"<meta charset=shift_jis><p>H\xE0 N\xF4i</p>",
            Some("windows-1258")
        )
        .unwrap(),
        "<meta charset=shift_jis><p>Hà Nôi</p>"
    );
    // Said to be UTF-8 (by the server or the page) and not: read as
    // undeclared bytes are, Windows-1258 (it was saved full of "�").
    let vn = b"<meta charset=\"utf-8\"><p>H\xE0 N\xF4i</p>";
    assert_eq!(
        decode_html("p", vn, None).unwrap(),
        "<meta charset=\"utf-8\"><p>Hà Nôi</p>"
    );
    assert!(
        decode_html("p", b"<p>H\xE0 N\xF4i</p>", Some("utf-8"))
            .unwrap()
            .contains("Hà Nôi")
    );
    // Many bytes its charset cannot read: refused, named, not saved as "�".
    let garbled = b"<p>H\xE0 N\xF4i, Vi\xEA\xF2t Nam. </p>".repeat(20);
    let err = decode_html("trang.html", &garbled, Some("shift_jis")).unwrap_err();
    assert!(
        err.to_string().starts_with("trang.html: ")
            && err.to_string().contains("are not Shift_JIS"),
        "{err}"
    );
    // A stray one is the page's own: kept.
    assert!(decode_html("p", b"<p>Vi\xEAt \x81 x</p>", Some("shift_jis")).is_ok());
    // Undeclared and not UTF-8: Windows-1258 ("H\xE0 N\xF4i" is "Hà Nôi").
    assert_eq!(
        decode_html("p", b"<p>H\xE0 N\xF4i</p>", None).unwrap(),
        "<p>Hà Nôi</p>"
    );
    // A UTF-8 BOM wins over everything.
    let bom = [b"\xEF\xBB\xBF".as_slice(), "<p>Việt</p>".as_bytes()].concat();
    assert_eq!(
        decode_html("p", &bom, Some("windows-1258")).unwrap(),
        "<p>Việt</p>"
    );
}

#[test]
fn related_titles_lose_their_time() {
    assert_eq!(
        strip_time_suffix("Giả mua vàng rồi cướp (25/12/2012)"),
        "Giả mua vàng rồi cướp"
    );
    assert_eq!(
        strip_time_suffix("Bắt 2 nghi can (9 giờ trước)"),
        "Bắt 2 nghi can"
    );
    assert_eq!(strip_time_suffix("Luật (sửa đổi)"), "Luật (sửa đổi)");
}

#[test]
fn signatures() {
    for s in [
        "K. Miên",
        "Quang Phong - Tùng Nguyên",
        "Tin, ảnh: Vũ Phương Thảo",
        "Theo Infonet",
    ] {
        assert!(looks_like_signature(s), "{s}");
    }
    for s in [
        "Trung chạy đến đâm anh Việt.",
        "Bây giờ tôi phải làm sao cho đúng",
    ] {
        assert!(!looks_like_signature(s), "{s}");
    }
    assert_eq!(strip_credit("Tin, ảnh: Vũ Phương Thảo"), "Vũ Phương Thảo");
}
