//! A form in the article (a sign-up box, a request form) goes with the small
//! box around it, its heading and its pitch included; a form that wraps the
//! whole article (as ASP.NET pages do) does not.

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

#[test]
fn a_sign_up_box_goes_with_its_heading_and_pitch() {
    let signup = "<div class=\"box\"><h3>Get the harbour letter</h3>\
                  <p>Every Friday: tides, moorings and the week's news.</p>\
                  <form action=\"/subscribe\"><input type=\"email\"><button>Sign up</button></form></div>";
    let page = format!(
        "<article><h1>Harbour report</h1>{}{signup}{}</article>",
        paragraphs(0..4),
        paragraphs(4..8)
    );
    let text = text(&page);
    assert!(text.contains("Paragraph 7"), "{text}");
    for gone in ["Get the harbour letter", "Every Friday", "Sign up"] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
}

#[test]
fn an_email_field_without_a_form_is_a_sign_up_box_too() {
    let signup = "<div class=\"box\"><h3>Get the harbour letter</h3>\
                  <p>Every Friday: tides, moorings and the week's news.</p>\
                  <input type=\"email\" placeholder=\"you@example.com\"><span>Send</span></div>";
    let page = format!(
        "<article><h1>Harbour report</h1>{}{signup}{}</article>",
        paragraphs(0..4),
        paragraphs(4..8)
    );
    let text = text(&page);
    assert!(text.contains("Paragraph 7"), "{text}");
    assert!(!text.contains("Every Friday"), "{text}");
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
