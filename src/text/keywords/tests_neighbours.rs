//! A name checked against its own article (issue 15, fifth pass): names
//! that go on, lost their head, run two names together or sign the
//! article. Each test is a real baomoi-35k sentence.

use super::tests_run_ons::check;

#[test]
fn a_body_that_lost_its_head_is_no_keyword() {
    check(
        &[
            "Ngày 11/5, Cục Quản lý cạnh tranh cho biết, Công ty TNHH Thiên Ngọc Minh Uy đã báo cáo Bộ Công Thương về quy trình, thủ tục thanh lý hợp đồng.",
            "Theo báo cáo gửi Bộ Công Thương, Công ty TNHH Thiên Ngọc Minh Uy cho biết, công ty chấm dứt hoạt động bán hàng đa cấp từ ngày 26/4/2017.",
        ],
        // (Nor "Cục Quản lý", cut before what it manages: tests_heads.rs.)
        &["tnhh thiên ngọc minh uy", "cục quản lý"],
        &["bộ công thương"],
    );
    check(
        &[
            "Liên quan đến vụ việc, đại diện Trường THCS Thừa Đức cho biết nhà trường đã mời phụ huynh.",
            "Đây là học sinh lớp 9 của trường THCS Thừa Đức (huyện Cẩm Mỹ, Đồng Nai).",
        ],
        &["thcs thừa đức"],
        &[],
    );
    check(
        &[
            "Nhật Minh ngày càng trưởng thành hơn. Quán quân The Voice Kids 2016 tự tin thể hiện ca khúc Đi học cùng cô bạn nhỏ Ngọc Linh.",
            "Bằng Kiều, Hồng Nhung bất ngờ trước giọng hát cao vút của Nhật Minh. Quán quân The Voice Kids 2016 song ca cùng Ngọc Linh ca khúc Đi học.",
        ],
        &["voice kids"],
        &["ngọc linh"],
    );
    // A title is no head, nor is a paper; a body's name ends on its city
    // ("Công an TP.HCM", whole).
    check(
        &[
            "Bộ trưởng Ngoại giao Mỹ Rex Tillerson nói. Tổng thống Donald Trump cho biết ông sẽ gặp Tổng thống Donald Trump của Nga.",
            "Theo Công an TP.HCM, vụ việc xảy ra trên địa bàn quận 1. Công an TP.HCM đang điều tra.",
        ],
        &[],
        &["donald trump", "công an tp hcm"],
    );
}

#[test]
fn an_acronym_or_a_family_name_that_goes_on_is_no_keyword() {
    check(
        &[
            "Lực lượng tàu sân bay Mỹ bao gồm chiếc USS Carl Vinson và các tàu khu trục hạm hộ tống cùng tàu vận tải đã có mặt.",
            "Việc chiếc USS Carl Vinson quay trở lại tây Thái Bình Dương đã khiến Nhật Bản và Hàn Quốc yên tâm hơn.",
        ],
        &["uss"],
        &["carl vinson"],
    );
    // "Tới" and "Nhất" are function words too: the name runs stop before them.
    check(
        &[
            "Công an thành phố Huế thông tin, vừa bắt tạm giam đối tượng Nguyễn Quốc Tới (SN 1996, trú phường Vĩ Dạ, Huế) để điều tra.",
            "Khoảng 20h ngày 7/5, Nguyễn Quốc Tới đột nhập ngôi nhà số 25/127 đường Hàn Mặc Tử, phường Vĩ Dạ.",
        ],
        &["nguyễn quốc"],
        &[],
    );
    check(
        &[
            "Cặp đôi sát thủ Nguyễn Trần Duy Nhất và tài năng trẻ Lê Hoàng Đức xuất sắc lên ngôi ở giải vô địch.",
            "Càng thi đấu, Nguyễn Trần Duy Nhất càng trở nên tự tin.",
        ],
        &["nguyễn trần"],
        &["lê hoàng đức"],
    );
}

#[test]
fn a_short_code_after_the_same_name_is_its_tail() {
    check(
        &[
            "Ngày 14/2 tới, ca sĩ Sơn Tùng M-TP sẽ chính thức giới thiệu MV mới nhất của mình có tên gọi Nơi này có anh.",
            "Đây cũng là lần đầu tiên mà Sơn Tùng M-TP viết một ca khúc về tình yêu màu hồng, ít đâu khổ, chia lìa.",
            "Với nội dung là một câu chuyện tình yêu ngọt ngào nên Sơn Tùng M-TP chọn Hàn Quốc là bối cảnh chính để thực hiện MV.",
        ],
        &["m tp"],
        &["sơn tùng m tp"],
    );
}

#[test]
fn a_country_and_a_name_the_article_has_alone_are_two() {
    check(
        &[
            "Tòa án Hình sự quốc sẽ bắt lại con trai cố lãnh đạo Libya Gaddafi.",
            "Saif al-Islam là nhân vật đáng chú ý nhất trong số 7 người con của ông Gaddafi.",
            "Con trai của cố lãnh đạo Libya Muammar Gaddafi, Saif al-Islam Gaddafi trong cuộc họp báo ở Tripoli.",
        ],
        &["libya gaddafi"],
        &[],
    );
    // An English name a country begins stays whole.
    check(
        &[
            "Hãng Vietnam Airlines cho biết chuyến bay bị hoãn. Airlines nói gì?",
            "Đêm chung kết Vietnam Idol Kids diễn ra tối qua. Idol Kids mùa này có nhiều giọng ca.",
        ],
        &[],
        &["vietnam airlines"],
    );
}

#[test]
fn a_name_seen_only_as_the_signature_is_no_keyword() {
    check(
        &[
            "Các bác sĩ đã nội soi tiêu hóa cho bệnh nhân Nguyễn Văn Long tại Bệnh viện Đa khoa tỉnh.",
            "Đoàn đã nội soi, gây mê gần 100 bệnh nhân và tiến hành cắt polyp hơn 30 bệnh nhân./. Hoàng Vĩnh",
        ],
        &["hoàng vĩnh"],
        &["nguyễn văn long"],
    );
    // Initials sign with a longer tail after them: the source's name, a
    // column's call for letters.
    check(
        &[
            "Võ sĩ đã bị hạ gục chỉ sau một cú đấm của thanh niên thách đấu.",
            "Đoạn video nhanh chóng thu hút hàng triệu lượt xem. Q.H (Tổng hợp từ Dailystar)",
        ],
        &["q h"],
        &[],
    );
    check(
        &[
            "Mình thích anh lớp trên nhưng xấu hổ không dám thổ lộ.",
            "Mình phải làm sao đây? N.A Chia sẻ tâm sự của bạn tại đây",
        ],
        &["n a"],
        &[],
    );
    // Named in the text too, it stays.
    check(
        &[
            "Ca sĩ Hoàng Vĩnh hát tại Hà Nội.",
            "Đêm nhạc kết thúc lúc 22h. Hoàng Vĩnh",
        ],
        &[],
        &["hoàng vĩnh"],
    );
}

#[test]
fn a_public_body_joins_a_field_a_family_name_begins() {
    // "Đào" is a family name, "Đào tạo" a word: the body goes on (its
    // n-gram "Sở Giáo dục" stays a phrase of its words).
    check(
        &[
            "Ngày 10/5, Sở Giáo dục và Đào tạo Nghệ An đã ra văn bản số 216 về việc tăng cường công tác quản lý học sinh.",
            "Kỳ thi THPT Quốc gia năm 2017, cụm thi số 28 Nghệ An do Sở Giáo dục và Đào tạo Nghệ An chủ trì.",
        ],
        &[],
        &["sở giáo dục và đào tạo nghệ an"],
    );
    // Two persons are not joined.
    check(
        &[
            "Cảm ơn Lãnh đạo và nhân dân Việt Nam đã tiếp đón trọng thị Nhà vua và Hoàng hậu Nhật Bản trong chuyến thăm Việt Nam tháng 3 vừa qua.",
        ],
        &["nhà vua và hoàng hậu nhật bản"],
        &[],
    );
}

/// In the article, a name that ends inside a word at each of its runs is
/// the longer name cut short: "Quyền Tổng | thống kiêm Thủ tướng" beside
/// "Quyền Tổng thống Hàn Quốc".
#[test]
fn a_name_ending_inside_a_word_beside_the_longer_name_is_cut() {
    check(
        &[
            "Quyền Tổng thống Hàn Quốc ngày 7/2 lên tiếng cảnh báo về khả năng Triều Tiên có thể thực hiện các hoạt động khiêu khích chiến lược trước sinh nhật của cố lãnh đạo Kim Jong-il vào tuần tới.",
            "Quyền Tổng thống kiêm Thủ tướng Hàn Quốc Hwang Kyo-ahn. (Ảnh: EPA/TTXVN) Theo hãng thông tấn Yonhap, Quyền Tổng thống kiêm Thủ tướng Hàn Quốc Hwang Kyo-ahn ngày 7/2 đã lên tiếng cảnh báo.",
        ],
        &["quyền tổng"],
        &["quyền tổng thống hàn quốc"],
    );
    // Whatever word ends it: "Ngành Công | nghệ", "| thương" beside
    // "Ngành Công Thương", which goes on with another syllable.
    check(
        &[
            "Ngành Công nghệ thông tin, An toàn thông tin, Kỹ thuật điện tử xét tuyển khối D01.",
            "Trước đó, thông tin cán bộ Ngành Công thương đi lễ chùa trong giờ hành chính được phản ánh.",
            "Lãnh đạo Ngành Công Thương Hà Nội cho biết. Ngành Công Thương Hà Nội đã kiểm tra.",
        ],
        &["ngành công"],
        &["ngành công thương"],
    );
}

/// A byline as the outlet signs its pages, "name - outlet | time date",
/// wherever it stands: neither the name nor the outlet is a keyword
/// (`bylines`). The same name elsewhere is.
#[test]
fn a_byline_before_the_outlet_and_the_time_is_no_keyword() {
    check(
        &[
            "Với Montella, chiếc ghế của ông giờ đã tạm ổn. Ngọa Long - Thể thao Việt Nam | 06:00 09/02/2017 Tin liên quan Nhận 2 thẻ đỏ, Milan vẫn thoát hiểm thần kì trước Bologna.",
            "Xem lại trận thua tan nát của Bologna trước Napoli: Ngọa Long - Thể thao Việt Nam | 08:55 08/02/2017 Tin liên quan Milan thua 4 trận liền, Montella vẫn nói cứng.",
        ],
        &[
            "ngọa long",
            "thể thao việt nam",
            "ngọa long thể thao việt nam",
        ],
        &["bologna", "montella"],
    );
    check(
        &[
            "Thể thao Việt Nam đoạt 136 HCV nửa đầu năm 2017.",
            "Đó là con số được lãnh đạo ngành Thể dục Thể thao Việt Nam đưa ra. Thể thao Việt Nam sẽ tập trung chuẩn bị cho Đoàn thể thao.",
        ],
        &[],
        &["thể thao việt nam"],
    );
}

#[test]
fn a_source_or_byline_at_the_articles_end_is_no_keyword() {
    // After "theo", in brackets, with the paper's name after it.
    check(
        &[
            "Các sản phẩm chocolate Mỹ bị thu hồi do có khả năng gây dị ứng cho người dùng.",
            "Người tiêu dùng nên trả lại sản phẩm để được hoàn tiền. Thu Thảo (theo KMBC)",
        ],
        &["kmbc", "thu thảo"],
        &[],
    );
    check(
        &[
            "Hoa hậu Đặng Thu Thảo diện váy trắng tại sự kiện.",
            "Hoa hậu mix đồ trẻ trung và xách túi hiệu sành điệu. Theo Ngọc My (Khám phá)",
        ],
        &["ngọc my"],
        &["đặng thu thảo"],
    );
    // Where the body is cut short (its first MAX_BODY_SYLLABLES syllables
    // are read), its last words are not the article's end: a name there
    // is no signature. The clause the budget cut is left out, so that
    // the name ends what is read.
    let mut body = "Người dân đi chợ mua rau. ".repeat(82);
    body.push_str("Chợ. Hoàng Vĩnh Long. Bà con rất vui vẻ lắm.");
    check(&[&body], &[], &["hoàng vĩnh long"]);
}

#[test]
fn a_name_the_body_budget_cuts_is_no_keyword() {
    // 1 title syllable and 500 of the body: the budget ends on "Xuân".
    let mut body = "Người dân đi chợ mua rau. ".repeat(82);
    body.push_str("Bà con rất vui. Chợ. Ông Nguyễn Xuân Phúc nói chuyện với bà con.");
    check(&[&body], &["nguyễn xuân"], &["mua rau"]);
}

#[test]
fn a_unit_after_numbers_is_no_keyword() {
    check(
        &[
            "Máy có camera sau 12 MP và camera trước 8 MP, pin dung lượng lớn.",
            "Samsung Galaxy J7 Pro có giá bán khoảng 6 triệu đồng tại Việt Nam.",
        ],
        &["mp"],
        &["samsung galaxy j7 pro"],
    );
    // A unit's symbol after a number once; a bank of the same letters
    // written with no number before it stays.
    check(
        &[
            "Công suất đỉnh của hệ thống điện toàn quốc đã vượt 30.000 MW và sản lượng điện tiêu thụ trong ngày 2/6 lớn nhất đạt gần 630 triệu kWh.",
        ],
        &["mw"],
        &[],
    );
    check(
        &["Ngân hàng MB vừa công bố lợi nhuận quý I, MB dẫn đầu nhóm ngân hàng cổ phần."],
        &[],
        &["mb"],
    );
    // A date or a year before a name is no quantity.
    check(
        &[
            "Ngày 9/5 FBI thông báo mở cuộc điều tra. Ngày 10/5 FBI cho biết đã có kết quả.",
            "Năm 2016 CIA đã cảnh báo. Năm 2017 CIA tiếp tục cảnh báo.",
        ],
        &[],
        &["fbi", "cia"],
    );
}

/// The keys of an article's candidates that are only its sources, and
/// those that may be its keywords.
fn sources_and_others(paragraphs: &[&str]) -> (Vec<String>, Vec<String>) {
    let a = crate::model::NewArticle {
        title: "Tin".into(),
        paragraphs: paragraphs
            .iter()
            .map(|p| crate::model::Paragraph::text(*p))
            .collect(),
        ..Default::default()
    };
    let (s, o): (Vec<_>, Vec<_>) = super::candidates::candidates(&a)
        .into_iter()
        .partition(|c| c.source);
    let keys = |v: Vec<super::Candidate>| v.into_iter().map(|c| c.key).collect();
    (keys(s), keys(o))
}

#[test]
fn an_outlet_the_article_only_cites_is_no_keyword() {
    let (sources, others) = sources_and_others(&[
        "Theo Neowin, một số người dùng báo cáo rằng sau khi sử dụng Windows Device Recovery thì máy bị khóa.",
        "Hệ thống được xem là vũ khí đầu tiên sở hữu AI tương tự trí thông minh của con người, theo RBTH.",
        "Theo tin tức từ Koreaboo, một show truyền hình chuyên điều tra về các nhân vật nổi tiếng đã lên tiếng.",
        "Video đăng tải trên BeatVN ghi lại cảnh một nam thanh niên mặc áo GrabBike vào cửa hàng.",
        "Ngày 17/6, Tasnim dẫn lời quan chức Bộ Nội vụ Iran cho biết, theo hãng tin Reuters, lực lượng biên phòng đã nổ súng.",
        "Trước đó, tờ Daily Beast viện dẫn các nguồn tin từ Lầu Năm Góc. Kênh truyền hình Al Sumaria cũng đưa tin.",
    ]);
    for s in [
        "neowin",
        "rbth",
        "koreaboo",
        "beatvn",
        "tasnim",
        "reuters",
        "daily beast",
        "al sumaria",
    ] {
        assert!(sources.contains(&s.to_string()), "{s:?} not in {sources:?}");
        assert!(!others.contains(&s.to_string()), "{s:?} in {others:?}");
    }
    assert!(others.contains(&"windows device recovery".to_string()));
    assert!(others.contains(&"grabbike".to_string()));
}

#[test]
fn a_name_cited_and_named_otherwise_is_no_source() {
    let (sources, others) = sources_and_others(&[
        // Cited, then what the site itself did.
        "Theo Neowin, người dùng báo cáo lỗi. Để minh chứng vấn đề này là chính xác, Neowin cũng đã thử lại.",
        // "Theo" inside a sentence is a given name; a maker after "hãng
        // thời trang" is no outlet; a body of the country is a name the
        // reader looks for even where it is only cited.
        "Hậu vệ Theo Hernandez ghi bàn cho Milan. Suboi còn tham gia quảng cáo cho hãng thời trang Kenzo.",
        "Theo Bộ Y tế, số ca mắc đã giảm mạnh trong tuần qua.",
    ]);
    assert!(sources.is_empty(), "{sources:?}");
    for k in ["neowin", "hernandez", "kenzo", "bộ y tế"] {
        assert!(others.contains(&k.to_string()), "{k:?} not in {others:?}");
    }
}

#[test]
fn a_papers_reporter_is_no_keyword() {
    let (sources, others) = sources_and_others(&[
        "Chiều nay, PV Dân Việt đã ghi nhận thông tin về vụ việc tại hiện trường.",
        "BTV Vân Anh dẫn chương trình. Tổng công ty PV Gas báo lãi lớn, PV Gas tăng vốn điều lệ.",
        "Hãng tin Al Jazeera ngày 21/6 dẫn lời phóng viên James Bays của hãng này thường trú tại Washington.",
    ]);
    for s in ["vân anh", "james bays"] {
        assert!(sources.contains(&s.to_string()), "{s:?} not in {sources:?}");
    }
    for k in ["pv dân việt", "dân việt", "btv vân anh", "vân anh"] {
        assert!(!others.contains(&k.to_string()), "{k:?} in {others:?}");
    }
    assert!(others.contains(&"pv gas".to_string()), "{others:?}");
}

#[test]
fn a_source_is_counted_but_takes_no_keywords_place() {
    let a = crate::model::NewArticle {
        title: "Qatar bị cô lập, kinh tế Qatar gặp khó như Reuters nhận định".into(),
        paragraphs: [
            "Theo hãng tin Reuters, việc cô lập có thể khiến kinh tế Qatar suy giảm.",
            "Bahrain là nơi đặt căn cứ của Hạm đội 5 Hải quân Mỹ, theo Reuters.",
            // The article's own: keywords for Reuters to make room among.
            "Qatar hiện có đặt trụ sở bộ chỉ huy quân sự Mỹ tại Trung Đông.",
            "Vai trò của chính phủ Qatar luôn đứng đầu giải quyết các vấn đề khu vực, là yếu tố \
             chủ chốt gây ra các cuộc nội chiến hay phá vỡ các hiệp định hòa bình tại Trung Đông.",
        ]
        .iter()
        .map(|p| crate::model::Paragraph::text(*p))
        .collect(),
        ..Default::default()
    };
    let mut cands = super::candidates::candidates(&a);
    // The title names it as no source: what Reuters thinks is the story.
    let reuters = cands.iter().position(|c| c.key == "reuters");
    assert!(reuters.is_some_and(|i| !cands[i].source), "{cands:#?}");
    // Its runs in the body alone cite it.
    let mut body_only = a.clone();
    body_only.title = "Qatar bị cô lập, kinh tế Qatar gặp khó".into();
    cands = super::candidates::candidates(&body_only);
    let i = cands
        .iter()
        .position(|c| c.key == "reuters")
        .expect("a source is still a candidate: counted");
    assert!(cands[i].source);
    let dfs = vec![0; cands.len()];
    let max = cands.len() - 1;
    let ranked = super::rank(&cands, &dfs, 100, max);
    assert!(!ranked.contains(&"Reuters".to_string()), "{ranked:?}");
    assert_eq!(ranked.len(), max, "the next candidate takes its place");
    cands[i].source = false;
    assert!(super::rank(&cands, &dfs, 100, max).contains(&"Reuters".to_string()));
}

#[test]
fn a_private_persons_initials_are_no_keyword() {
    check(
        &[
            "Dòng trạng thái của nữ sinh D.A. trình bày sự việc bị bỏng nặng trong phòng thí nghiệm. Lớp trưởng gửi tin nhắn đến D.A. ngay hôm sau.",
            "Chị Vũ Thị Yến (họ hàng đằng ngoại cháu V.A) kể lại sự việc với phóng viên. Sau đó V.A được đưa về nhà.",
        ],
        &["d a", "v a"],
        &["vũ thị yến"],
    );
    // After a family name and a middle name, the rest written short.
    check(
        &[
            "Trên mạng xã hội liên tục chia sẻ câu chuyện về cái chết của Nguyễn Thị T.A vì uống thuốc cỏ. Gia đình T.A cho biết đã trình báo công an.",
        ],
        &["t a"],
        &[],
    );
    // A doctor, a driver, a customer named by initials (a blind reader's ✗,
    // baomoi-35k's "bác sĩ P.Đ.V").
    check(
        &[
            "Ông Nguyễn Văn Phú, Phó giám đốc BV Thể thao Việt Nam, cho hay vào khoảng 13 giờ 30 ngày 16-6, bác sĩ P.Đ.V (khoa Đông Y) của BV đến cơ quan làm việc thì bị hai nghi can hành hung bị thương.",
        ],
        &["p đ v"],
        &["nguyễn văn phú"],
    );
    // An account on a social network, or an age after the initials.
    check(
        &[
            "Mọi chi phí ăn ở, đi lại đều được đài thọ, dòng trạng thái của tài khoản T.S chia sẻ ngày 8/2.",
        ],
        &["t s"],
        &[],
    );
    check(
        &["Tài khoản facebook T.S bình luận: Vào quán ăn, cà phê."],
        &["t s"],
        &[],
    );
    check(
        &["Nội dung bài chia sẻ, được bạn T.R viết: Hôm nay mình đi tàu, mình đi toa nằm."],
        &["t r"],
        &[],
    );
    check(
        &[
            "Trên trang mạng xã hội bất ngờ xuất hiện đoạn chia sẻ của một cư dân mạng nickname T.R đã vô tình chứng kiến một tình yêu đẹp.",
            "Chúng tôi có cuộc trò chuyện với L.T.Đ (27 tuổi), một trong những hacker khá nổi trên các diễn đàn, L.T.Đ chia sẻ.",
        ],
        &["t r", "l t đ"],
        &[],
    );
    // After a family name alone ("cháu Chu | T.H", "ông Bùi | N.A"), or
    // "tên" (blind readers' ✗, sessions 56–57).
    check(
        &[
            "Bằng các biện pháp nghiệp vụ, cơ quan điều tra xác định đối tượng Chu Văn Cường đã thực hiện hành vi hiếp dâm cháu Chu T.H. Chu T.H được đưa đi khám.",
            "Chàng trai Hà Nội tên T.A nhận hai tin sét đánh ngang tai liên tiếp khi người yêu quay sang yêu bạn thân. Bắt quả tang tại trận, T.A tung ảnh nóng bạn gái cũ lên Facebook để trả thù.",
        ],
        &["t h", "chu t h", "t a"],
        &["chu văn cường"],
    );
    // "P.V", the paper's reporter, as "PV" is.
    check(
        &[
            "Khi P.V tìm đến con hẻm trên, những người hàng xóm xung quanh xác nhận sự việc. P.V đã liên hệ với công an phường.",
        ],
        &["p v"],
        &[],
    );
    // A club's or a singer's initials name them: no private person before.
    check(
        &[
            "Mourinho hài lòng với những gì mà M.U đã thể hiện. Mata càng đá càng hiệu quả trong màu áo M.U mùa này.",
            "Ca sĩ T.O.P nhập viện sau khi bị điều tra, T.O.P đã khỏe lại.",
        ],
        &[],
        &["m u", "t o p"],
    );
}

#[test]
fn an_acronym_of_a_common_term_written_out_is_no_keyword() {
    // Defined in lower case ("doanh nghiệp (DN)"), or written out twice.
    check(
        &[
            "Bên cạnh đó, cần giải pháp đồng bộ và toàn diện giữa cơ quan quản lý nhà nước, doanh nghiệp (DN) và người dân.",
            "Theo đó, các cục thuế sẽ thực hiện thanh tra thuế tại 7.619 DN; kiểm tra thuế tại trụ sở người nộp thuế là 94.087 lượt.",
        ],
        &["dn"],
        &[],
    );
    check(
        &[
            "Kiểm định đại học không thể như kiểm tra thi đua. Trường ĐH Duy Tân vừa thực hiện kiểm định vào cuối năm 2016.",
            "Việc xây dựng quy định kiểm định đại học là hướng đi đúng khi khá nhiều trường ĐH trong nước đã làm quen với các tiêu chuẩn của AUN.",
        ],
        &["đh"],
        &["đại học"],
    );
    // Four letters: once is enough.
    check(
        &[
            "Để đảm bảo an toàn giao thông và giảm ô nhiễm môi trường, TP Hà Nội đã đề xuất lộ trình thu hồi xe máy cũ nát.",
            "Các bộ, ngành, địa phương đã đồng loạt triển khai chỉ đạo về ATGT. Lực lượng chức năng xử lý vi phạm ATGT.",
        ],
        &["atgt"],
        &[],
    );
    // A name's acronym stays, though other words begin with its letters:
    // "Quốc hội" is written as a name ("quan hệ" is no spelling of it).
    check(
        &[
            "Đó là ý kiến của Chủ tịch Quốc hội (QH) Nguyễn Thị Kim Ngân tại phiên thảo luận của Ủy ban Thường vụ QH.",
            "Chia sẻ tại Hội nghị Thủ tướng với doanh nghiệp, bà Nguyễn Thị Nga, Chủ tịch BRG, cho biết không hình sự hóa quan hệ kinh tế là chủ trương đúng đắn.",
            "Sự chồng chéo của các hoạt động thanh tra, kiểm tra làm méo mó quan hệ của doanh nghiệp với cơ quan chức năng.",
        ],
        &[],
        &["qh"],
    );
    // Two letters that begin a noun once only: "quan hệ" is no "QH".
    check(
        &[
            "Hoàn thiện báo cáo kết quả giám sát trình QH tại Kỳ họp thứ 4. Tổ chức hoạt động chất vấn và trả lời chất vấn của đại biểu QH tại hai phiên họp UBTVQH.",
            "Chia sẻ tại Hội nghị Thủ tướng với doanh nghiệp, bà Nguyễn Thị Nga, Chủ tịch BRG, cho biết không hình sự hóa quan hệ kinh tế là chủ trương đúng đắn.",
        ],
        &[],
        &["qh"],
    );
    // Two syllables of a term are a noun: "mỉm cười" (smile) is no "MC".
    check(
        &[
            "Thỉnh thoảng nữ MC mới thì thầm vào tai chồng vài câu, rồi mỉm cười.",
            "Nữ diễn viên không bình luận về việc liệu các món mình nấu có ngon hay không mà chỉ mỉm cười bẽn lẽn. Câu chuyện này khiến hai MC cười lớn.",
        ],
        &[],
        &["mc"],
    );
}

#[test]
fn a_capitalised_function_word_ending_a_name_twice_is_the_names() {
    // "Nhất", "Bằng" end "Tân Sơn Nhất", "Cao Bằng" each time: no "Tân
    // Sơn" of the airport. A forecast's every region before "Nhiều mây"
    // is no name of "Nhiều".
    check(
        &[
            "Thông báo kết luận của Thủ tướng Nguyễn Xuân Phúc tại buổi làm việc với lãnh đạo tỉnh Cao Bằng.",
            "Thủ tướng yêu cầu phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh trên địa bàn tỉnh Cao Bằng.",
            "Thời tiết hôm nay 7/2/2017: Phía Tây Bắc Bộ Nhiều mây, có mưa vài nơi, sáng sớm có nơi có sương mù.",
            "Phía Đông Bắc Bộ Nhiều mây, có mưa nhỏ vài nơi, sáng sớm có sương mù.",
            "Phối cảnh cầu vượt tại nút giao Trường Sơn để dẫn vào sân bay Tân Sơn Nhất.",
            "Đặc biệt muốn đến ga Hòa Hưng và sân bay Tân Sơn Nhất phải đi qua nhiều tuyến đường.",
        ],
        &[
            "tân sơn",
            "sân bay tân sơn",
            "bắc bộ nhiều",
            "phía tây bắc bộ nhiều",
        ],
        &["tân sơn nhất", "tỉnh cao bằng"],
    );
    // Once, it may begin the next sentence, unpunctuated.
    check(
        &[
            "Top 3 con giáp lạnh lùng nhất. Tuổi Tỵ Họ thuộc mẫu người có máu lạnh nhất trong 12 con giáp.",
            "Tuổi Tỵ thường rất khó gần.",
        ],
        &["tuổi tỵ họ"],
        &["tuổi tỵ"],
    );
}

/// A name right before "(Tổng hợp …)" where the article ends is its
/// writer's, no keyword, even with no full stop before it (baomoi-35k's
/// article as it is: its body one paragraph).
#[test]
fn a_name_before_tong_hop_at_the_end_signs() {
    check(
        &[
            "Bãi cát vương vãi bên lề đường khiến xe máy trrong đoạn video dưới đây ôm cua nhưng bị mất lái, lao thẳng xuống vườn chuối gần đó.",
            "Sự việc xảy ra gần cầu vượt Vân Trì, xã Vân Nội, huyện Đông Anh, Hà Nội. Theo như camera hành trình của ôtô quay lại được, có một người đàn ông điều khiển chiếc xe Air Blade màu đen đi phía trước xe hơi gắn camera. >> Xem thêm: CLIP NHỮNG TAI NẠN GHÊ RỢN NHẤT TUẦN: Ôtô gây tai nạn liên hoàn ở hầm Thủ Thiêm, chó chạy rông gây tai nạn thảm khốc  Ảnh cắt từ clip. Khi đến gần một khúc cua, vì trên đường vương vãi nhiều cát nên khi người đàn ông này vao cua đã không giữ vững được tay lái xe máy. Hậu quả là người đàn ông này lao thẳng xuống vườn chuối ven đường. >> Xem thêm: Clip: Bị xe buýt tông, người đàn ông vẫn thản nhiên bước vào quán rượu  - Video ôm cua bất thành, xe máy lao thằng xuống vườn chuối Nguồn: VTC News. CÙNG SỰ KIỆN Clip: Gặp tai nạn nghiêm trọng vì phóng với tốc độ chóng mặt Clip: Xe container mất lái, quay đầu 180 độ Clip: Người phụ nữ ngã sấp mặt vì… tông trúng chiếc thớt  Lê Kha (Tổng hợp)",
        ],
        &["lê kha"],
        &["vân trì"],
    );
    // With the papers it was compiled from after it (`COMPILED_TAIL`).
    check(
        &[
            "Đang lưu thông trên đường, người đàn ông dừng lại trên cầu Nhật Tân đi vệ sinh. Khi bước qua lan can cầu thì không may trượt chân ngã xuống sông Hồng mất tích.",
            "Theo thông tin ban đầu, vào khoảng 21h ngày 5/2, có hai người đàn ông đi thăm người ốm về. Khi đến cầu Nhật Tân, Hà Nội  thì dừng đỗ bên mép cầu. Một người bước qua lan can cầu và đã không may trượt chân rồi ngã xuống sông Hồng, báo Infonet đưa tin. Hiện trường xảy ra vụ việc. Ảnh: Infonet Ngay lập tức, mọi người liền báo cơ quan chức năng tìm kiếm nạn nhân . Lực lượng cứu hộ sử dụng xuồng máy đi dọc hạ lưu khoảng 2km nhưng vẫn không thấy tung tích người đàn ông xấu số. Được biết, nạn nhân 34 tuổi ở Minh Phú, Sóc Sơn. Trao đổi với PV Dân trí về vụ việc, lãnh đạo Phòng Cảnh sát PC&CC số 6 (phụ trách địa bàn quận Tây Hồ) - Cảnh sát PC&CC Hà Nội, cho biết,đơn vị này vẫn đang tiếp tục phối hợp với gia đình người đàn ông bị rơi từ cầu Nhật Tân xuống sông để tìm kiếm nạn nhân. Gia An (Tổng hợp theo báo Infonet, Dân Trí)",
        ],
        &["gia an"],
        &["cầu nhật tân"],
    );
}
