//! Calls to action set inside the article go with the small box around
//! them, heading and pitch included: a form (a sign-up box, a request form)
//! and a link drawn as a button in a box without a picture. A form that
//! wraps the whole article (as ASP.NET pages do) and a product card with
//! its picture and Buy button stay.

fn text(html_body: &str) -> String {
    let html =
        format!("<html><head><title>Harbour report</title></head><body>{html_body}</body></html>");
    article_extract::extract(html.as_bytes(), &article_extract::Options::default())
        .unwrap()
        .text()
}

/// Paragraphs numbered `numbers`, each of its own words.
fn paragraphs(numbers: std::ops::Range<usize>) -> String {
    const SENTENCES: [&str; 8] = [
        "the council published its report on Tuesday after a year of surveys",
        "the harbour master said the new moorings would open before summer",
        "fishermen asked for a second slipway at the northern end of the quay",
        "the ferry company plans to run an extra sailing on Saturday mornings",
        "a study of the sea wall found cracks that need repair within two years",
        "visitors will pay a little more to park near the lifeboat station",
        "the old fish market is to become a covered space for weekend stalls",
        "work on the breakwater will start once the storm season is over",
    ];
    numbers
        .map(|i| format!("<p>Paragraph {i}: {}.</p>", SENTENCES[i % SENTENCES.len()]))
        .collect()
}

/// The text of an article of eight paragraphs with `content` in the
/// middle.
fn text_around(content: &str) -> String {
    text(&format!(
        "<article><h1>Harbour report</h1>{}{content}{}</article>",
        paragraphs(0..4),
        paragraphs(4..8)
    ))
}

/// Asserts that `content`, set in an article, goes whole: the article ends
/// as it did, and none of `gone` is left.
fn assert_goes(content: &str, gone: &[&str]) {
    let text = text_around(content);
    assert!(text.contains("Paragraph 7"), "{text}");
    for gone in gone {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
}

#[test]
fn a_sign_up_box_goes_with_its_heading_and_pitch() {
    let signup = "<div class=\"box\"><h3>Get the harbour letter</h3>\
                  <p>Every Friday: tides, moorings and the week's news.</p>\
                  <form action=\"/subscribe\"><input type=\"email\"><button>Sign up</button></form></div>";
    assert_goes(
        signup,
        &["Get the harbour letter", "Every Friday", "Sign up"],
    );
}

#[test]
fn an_email_field_without_a_form_is_a_sign_up_box_too() {
    let signup = "<div class=\"box\"><h3>Get the harbour letter</h3>\
                  <p>Every Friday: tides, moorings and the week's news.</p>\
                  <input type=\"email\" placeholder=\"you@example.com\"><span>Send</span></div>";
    assert_goes(signup, &["Every Friday"]);
}

#[test]
fn a_form_around_the_whole_article_stays() {
    let page = format!(
        "<form id=\"aspnetForm\" action=\"/default.aspx\"><div class=\"content\">\
         <h1>Harbour report</h1>{}</div></form>",
        paragraphs(0..6)
    );
    let text = text(&page);
    assert!(
        text.contains("Paragraph 0") && text.contains("Paragraph 5"),
        "{text}"
    );
}

#[test]
fn a_button_link_in_a_small_box_goes_with_the_box() {
    let promo = "<div class=\"promo\"><h3>Learn to sail this summer</h3>\
                 <p>Ten evenings on the water with the harbour club.</p>\
                 <a class=\"btn btn-primary\" href=\"/courses\">Book a course</a></div>";
    assert_goes(promo, &["Learn to sail", "Ten evenings", "Book a course"]);
}

#[test]
fn a_product_card_and_a_button_in_running_text_stay() {
    let card = "<div class=\"product\"><img src=\"https://shop.example/rope.jpg\" alt=\"Rope\">\
                <h3>Braided mooring rope</h3><p>Soft on the hands and strong in a gale.</p>\
                <a class=\"button\" href=\"https://shop.example/rope\">Buy</a></div>";
    let running = "<p>The club keeps a list of qualified instructors for every season, and \
                   anyone can ask for it at the harbour office or \
                   <a class=\"btn\" href=\"/instructors\">read the list online</a> before \
                   booking a lesson, which the council recommends for every new skipper. \
                   Lessons run from April to October, and the first one is free for anyone \
                   who keeps a boat in the harbour.</p>";
    let text = text_around(&format!("{card}{running}"));
    for kept in [
        "Braided mooring rope",
        "Soft on the hands",
        "read the list online",
    ] {
        assert!(text.contains(kept), "{kept} not in {text}");
    }
}

#[test]
fn a_quiz_keeps_its_questions_and_a_short_article_its_text() {
    // A form of choices (a quiz) is not a sign-up box: the question
    // around it stays.
    let quiz = "<div class=\"question\"><h3>Question 1</h3>\
                <p>Which way does the flood tide run past the harbour wall?</p>\
                <form><label><input type=\"radio\" name=\"q1\"> North</label>\
                <label><input type=\"radio\" name=\"q1\"> South</label></form></div>";
    let quiz_text = text_around(quiz);
    assert!(
        quiz_text.contains("Which way does the flood tide run"),
        "{quiz_text}"
    );
    // A search form in a box that holds most of a short article leaves
    // the box alone.
    let page = "<article><h1>Harbour report</h1><div class=\"entry-content\">\
                <div class=\"group\"><p>The harbour library opens a reading room for skippers on \
                Monday, with charts, tide tables and almanacs from the last fifty years, and a \
                desk where the harbour master answers questions every Friday.</p>\
                <form><input type=\"search\"><button>Search</button></form></div>\
                <p>Opening hours do not change.</p></div></article>";
    let text = text(page);
    assert!(text.contains("reading room for skippers"), "{text}");
}

#[test]
fn a_button_link_in_a_sentence_stays() {
    for class in ["button", "btn btn-link"] {
        let text = text_around(&format!(
            "<p>Diversions are in place on the coast road. Check live updates \
             <a class=\"{class}\" href=\"/travel\">on our travel page</a>.</p>"
        ));
        assert!(text.contains("Diversions are in place"), "{class}: {text}");
    }
}
