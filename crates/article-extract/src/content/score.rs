//! One bottom-up pass that measures text and links under every node and
//! scores how much article prose each subtree holds; then the choice of the
//! article's container and of the furniture inside it.

use std::collections::hash_map::{Entry, HashMap};

use crate::dom::{Document, Element, Event, NodeData, NodeId};

use super::{
    classify::{self, Hint, Role},
    filter,
};
use crate::Mode;

/// Largest link-heavy block treated as a teaser card or menu.
const TEASER_MAX_CHARS: u32 = 1500;
/// Longest teaser card (a linked title and an excerpt).
const CARD_MAX_CHARS: u32 = 800;

/// How much prose under a name like `comments` or `share` counts when
/// looking for the article: names mislead (`page-ad-margins` may wrap the
/// whole article), so they weaken a subtree instead of removing it.
const NEGATIVE_WEIGHT: f32 = 0.3;
/// The same for doubtful names (`sidebar`, `meta`, `header`).
const DOUBTFUL_WEIGHT: f32 = 0.6;

/// Per-node measurements, indexed by [`NodeId::index`].
#[derive(Debug)]
pub(crate) struct Analysis {
    /// Role of each element (text nodes: `Inline`, others: `Ignored`).
    pub role: Vec<Role>,
    /// What each element's class and id suggest.
    pub hint: Vec<Hint>,
    /// Non-whitespace characters of visible text in the subtree.
    pub text: Vec<u32>,
    /// Of those, characters inside links.
    pub link: Vec<u32>,
    /// Prose score of the subtree: good text minus furniture, weakened
    /// under furniture-like names.
    pub score: Vec<f32>,
    /// The same without the weakening.
    pub plain_score: Vec<f32>,
    /// Whether the node is furniture to leave out (set by [`mark_furniture`]
    /// inside the chosen root; furniture tags everywhere).
    pub dropped: Vec<bool>,
    /// Whether the node or one of its ancestors is a furniture tag.
    pub in_furniture: Vec<bool>,
    /// Whether one of the node's ancestors is named as a discussion
    /// (`comments`, `replies`).
    pub in_discussion: Vec<bool>,
    /// Visited nodes in document order (ignored subtrees left out).
    pub order: Vec<NodeId>,
    /// Elements marked as the article body (`itemprop="articleBody"`).
    pub marked: Vec<NodeId>,
}

impl Analysis {
    /// Share of the subtree's text that sits in links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let t = self.text[id.index()];
        if t == 0 {
            0.0
        } else {
            self.link[id.index()] as f32 / t as f32
        }
    }

    /// The subtree's score discounted by its link density: what the choice
    /// of the article's container compares.
    fn root_score(&self, id: NodeId) -> f32 {
        self.score[id.index()] * (1.0 - self.link_density(id))
    }
}

/// Measures and scores every node of `doc`.
pub(crate) fn analyze(doc: &Document) -> Analysis {
    let n = doc.len();
    let mut an = Analysis {
        role: vec![Role::Ignored; n],
        hint: vec![Hint::Neutral; n],
        text: vec![0; n],
        link: vec![0; n],
        score: vec![0.0; n],
        plain_score: vec![0.0; n],
        dropped: vec![false; n],
        in_furniture: vec![false; n],
        in_discussion: vec![false; n],
        order: Vec::with_capacity(n),
        marked: Vec::new(),
    };
    let mut walk = doc.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        let i = id.index();
        match &doc.node(id).data {
            NodeData::Element(el) => {
                let role = classify::role(el);
                an.role[i] = role;
                if role == Role::Ignored {
                    walk.skip_children(id);
                    continue;
                }
                if !matches!(&**el.tag(), "html" | "body" | "main" | "article") {
                    an.hint[i] = classify::hint(el);
                }
                if el
                    .attr("itemprop")
                    .is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "articleBody"))
                {
                    an.marked.push(id);
                }
                let parent = doc.node(id).parent.map(NodeId::index);
                an.in_furniture[i] =
                    parent.is_some_and(|p| an.in_furniture[p]) || role == Role::Boilerplate;
                an.in_discussion[i] = parent.is_some_and(|p| an.in_discussion[p])
                    || an.hint[i] == Hint::Negative && classify::is_discussion(el);
                an.dropped[i] = role == Role::Boilerplate;
            }
            NodeData::Text(_) => an.role[i] = Role::Inline,
            NodeData::Document => an.role[i] = Role::Block,
            NodeData::Other => continue,
        }
        an.order.push(id);
    }

    // Text that has not yet reached its enclosing block.
    let mut inline_text = vec![0u32; n];
    let mut inline_link = vec![0u32; n];
    // How that text ends: cut short ("…"), as teaser excerpts do.
    let mut inline_cut = vec![Ending::Plain; n];
    // Blocks whose own text, without links, ends with a set-apart ellipsis.
    let mut marked = vec![false; n];
    for &id in an.order.iter().rev() {
        let i = id.index();
        if let NodeData::Text(t) = &doc.node(id).data {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            an.text[i] = chars;
            inline_text[i] = chars;
            inline_cut[i] = ending(t);
            continue;
        }
        let (mut text, mut link, mut own, mut own_link) = (0, 0, 0, 0);
        let (mut score, mut plain) = (0.0, 0.0);
        let mut cut = Ending::Plain;
        // Whether a child block is an excerpt marked as cut (" …").
        let mut excerpt = false;
        for c in doc.children(id) {
            let ci = c.index();
            excerpt |= marked[ci];
            text += an.text[ci];
            link += an.link[ci];
            own += inline_text[ci];
            own_link += inline_link[ci];
            if inline_text[ci] > 0 {
                cut = inline_cut[ci];
            }
            score += an.score[ci];
            plain += an.plain_score[ci];
        }
        if doc.tag(id).is_some_and(|t| &**t == "a") {
            link = text;
            own_link = own;
        }
        an.text[i] = text;
        an.link[i] = link;
        match an.role[i] {
            Role::Inline => {
                inline_text[i] = own;
                inline_link[i] = own_link;
                inline_cut[i] = cut;
            }
            Role::Boilerplate => {
                score = -(text as f32);
                plain = score;
            }
            _ => {
                // A linked headline and an excerpt cut short is a teaser
                // for another story.
                let teaser = own < TEASER_MAX_CHARS && cut != Ending::Plain && own_link > 0;
                marked[i] = cut == Ending::Marked && own_link == 0;
                let value = if teaser {
                    -(own as f32)
                } else {
                    block_value(own, own_link)
                };
                score += value;
                plain += value;
                // So is a small card holding a link and an excerpt marked
                // as cut (" …", "[…]") in a block of its own.
                if excerpt && link > 0 && text < CARD_MAX_CHARS {
                    score = score.min(-(text as f32));
                    plain = plain.min(-(text as f32));
                }
                // A small cluster of mostly links (a teaser card, a menu)
                // counts against its container even when it has some prose.
                if text < TEASER_MAX_CHARS && an.link_density(id) > 0.5 {
                    score = score.min(-(link as f32));
                    plain = plain.min(-(link as f32));
                }
            }
        }
        let weight = match an.hint[i] {
            Hint::Negative => NEGATIVE_WEIGHT,
            Hint::Doubtful => DOUBTFUL_WEIGHT,
            _ => 1.0,
        };
        an.score[i] = if score > 0.0 { score * weight } else { score };
        an.plain_score[i] = plain;
    }
    an
}

/// How a run of text ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    Plain,
    /// With "..." or "…".
    Cut,
    /// With an ellipsis set apart, as excerpt generators write it: " …",
    /// " ...", "[…]", "[...]".
    Marked,
}

fn ending(text: &str) -> Ending {
    let t = text.trim_end();
    let bracketed = t.ends_with("[…]") || t.ends_with("[...]");
    let Some(rest) = t.strip_suffix("...").or_else(|| t.strip_suffix('…')) else {
        return if bracketed {
            Ending::Marked
        } else {
            Ending::Plain
        };
    };
    if rest.ends_with(char::is_whitespace) {
        Ending::Marked
    } else {
        Ending::Cut
    }
}

/// Worth of one block's own text: prose counts for, links and short
/// labels count against.
fn block_value(own: u32, own_link: u32) -> f32 {
    if own == 0 {
        return 0.0;
    }
    let own = own as f32;
    let link = own_link as f32;
    if link / own > 0.5 {
        return -own;
    }
    let prose = own - link;
    if prose < 30.0 {
        return -0.25 * own;
    }
    prose - link
}

/// Picks the element whose subtree holds the most prose net of furniture,
/// discounted by its link density; a container the page marks as the
/// article body wins when it holds half of that.
pub(crate) fn choose_root(doc: &Document, an: &Analysis) -> NodeId {
    let (mut best, mut best_score) = (NodeId::ROOT, f32::MIN);
    // The best inside furniture tags, for pages whose markup leaves the
    // whole article inside an unclosed `<aside>` or `<header>`.
    let (mut trapped, mut trapped_score) = (NodeId::ROOT, f32::MIN);
    for &id in &an.order {
        let i = id.index();
        if doc.element(id).is_none() {
            continue;
        }
        let mut score = an.root_score(id);
        // Posts in a comment thread are not the article, however long.
        if an.in_discussion[i] && an.hint[i] != Hint::Negative && score > 0.0 {
            score *= NEGATIVE_WEIGHT;
        }
        // `>=` prefers the deepest of equally good nested wrappers.
        if an.in_furniture[i] {
            if an.role[i] != Role::Boilerplate && score >= trapped_score {
                (trapped, trapped_score) = (id, score);
            }
        } else if score >= best_score {
            (best, best_score) = (id, score);
        }
    }
    if trapped_score > TRAPPED_FACTOR * best_score.max(0.0) && trapped_score > TRAPPED_MIN {
        (best, best_score) = (trapped, trapped_score);
    }
    // A winner inside a block named as furniture (a testimonial slider in
    // `x-bar-footer`) yields to a container named as content that scores
    // nearly as well outside such blocks, unless it holds the headline or
    // the marked article body.
    let holds_headline = || {
        doc.descendants(best)
            .any(|d| doc.tag(d).is_some_and(|t| &**t == "h1") || an.marked.contains(&d))
    };
    if doc
        .ancestors(best)
        .any(|a| an.hint[a.index()] == Hint::Negative)
        && !holds_headline()
    {
        // Whether each node has such a block above it, parents first.
        let mut under_negative = vec![false; doc.len()];
        for &id in &an.order {
            if let Some(p) = doc.node(id).parent {
                under_negative[id.index()] =
                    under_negative[p.index()] || an.hint[p.index()] == Hint::Negative;
            }
        }
        let rival = an
            .order
            .iter()
            .copied()
            .filter(|&id| {
                let i = id.index();
                an.hint[i] == Hint::Positive && !an.in_furniture[i] && !under_negative[i]
            })
            .map(|id| (id, an.root_score(id)))
            .filter(|&(_, score)| score >= NAMED_RIVAL_SHARE * best_score)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id);
        if let Some(rival) = rival {
            best = rival;
        }
    }
    let best = grow_fragment(doc, an, best);
    an.marked
        .iter()
        .copied()
        .filter(|&m| !an.in_furniture[m.index()])
        .filter(|&m| {
            m == best || doc.ancestors(m).any(|a| a == best) || doc.ancestors(best).any(|a| a == m)
        })
        .find(|&m| an.plain_score[m.index()] >= 0.5 * an.plain_score[best.index()])
        .unwrap_or(best)
}

/// A root holding only a fragment of text (one paragraph of an article
/// whose items are full of links, like a news roundup) grows to its nearest
/// ancestor holding several times more text outside links, when that
/// ancestor is neither mostly links nor mostly teasers and furniture.
fn grow_fragment(doc: &Document, an: &Analysis, root: NodeId) -> NodeId {
    let own = |id: NodeId| an.text[id.index()].saturating_sub(an.link[id.index()]);
    let have = own(root);
    let fit = |a: NodeId| {
        let i = a.index();
        an.link_density(a) < FRAGMENT_LINK_DENSITY
            && an.plain_score[i] > -FRAGMENT_FURNITURE_SHARE * own(a) as f32
            && an.hint[i] != Hint::Negative
            && !an.in_furniture[i]
    };
    if have >= FRAGMENT_MAX {
        // A container named as content holding many times the root's text
        // (a list of link-rich entries around one table) is the article.
        return doc
            .ancestors(root)
            .take_while(|&a| doc.element(a).is_some())
            .find(|&a| an.hint[a.index()] == Hint::Positive)
            .filter(|&a| own(a) >= NAMED_GROWTH * have && fit(a))
            .unwrap_or(root);
    }
    doc.ancestors(root)
        .take_while(|&a| doc.element(a).is_some())
        .find(|&a| own(a) >= FRAGMENT_GROWTH * have.max(1))
        .filter(|&a| fit(a))
        .unwrap_or(root)
}

/// How many times more text outside links a container named as content
/// must hold to replace a root that is not a fragment.
const NAMED_GROWTH: u32 = 10;

/// Text outside links below which a root is taken as a fragment.
const FRAGMENT_MAX: u32 = 400;
/// How many times more text outside links the grown root must hold.
const FRAGMENT_GROWTH: u32 = 4;
/// The grown root's score may fall below zero by at most this share of its
/// text outside links: teasers and furniture must not outweigh its prose.
const FRAGMENT_FURNITURE_SHARE: f32 = 0.5;
/// Highest link density of the grown root.
const FRAGMENT_LINK_DENSITY: f32 = 0.5;

/// Share of the winner's score a container named as content needs to
/// replace a winner inside a block named as furniture.
const NAMED_RIVAL_SHARE: f32 = 0.75;

/// How many times more prose a subtree inside furniture tags must hold
/// than the best one outside them to be taken as the article.
const TRAPPED_FACTOR: f32 = 4.0;
/// The least prose score such a subtree needs.
const TRAPPED_MIN: f32 = 500.0;

/// Share of the root's score a sibling needs to count as more of the article.
const SIBLING_SHARE: f32 = 0.1;
/// The same in [`Mode::Recall`].
const RECALL_SIBLING_SHARE: f32 = 0.03;

/// `root` and those of its siblings that look like more of the same article
/// (an article split into sections or interrupted by ads), in page order.
pub(crate) fn article_parts(
    doc: &Document,
    an: &Analysis,
    root: NodeId,
    mode: Mode,
) -> Vec<NodeId> {
    // An article split into sections built alike (`<div class="sect">` ×
    // 5, each a heading and a body) is read from the section that holds
    // the root, with its look-alike siblings.
    // Of the root and its nearest ancestors, the one whose look-alike group
    // holds the most text outside links.
    let root = std::iter::once(root)
        .chain(doc.ancestors(root).take(TWIN_LEVELS))
        .filter(|&a| has_twin(doc, an, a))
        .map(|a| (a, twin_prose(doc, an, a)))
        .max_by(|(_, x), (_, y)| x.total_cmp(y))
        .map_or(root, |(a, _)| a);
    let Some(parent) = doc.node(root).parent else {
        return vec![root];
    };
    if mode == Mode::Precision {
        // Only the look-alike sections, and none made mostly of links.
        return doc
            .children(parent)
            .filter(|&c| {
                c == root
                    || same_shape(doc, c, root)
                        && !an.in_furniture[c.index()]
                        && an.plain_score[c.index()] > 0.0
                        && an.link_density(c) < 0.3
            })
            .collect();
    }
    let share = match mode {
        Mode::Recall => RECALL_SIBLING_SHARE,
        _ => SIBLING_SHARE,
    };
    let threshold = share * an.plain_score[root.index()];
    doc.children(parent)
        .filter(|&c| {
            let i = c.index();
            // Sections built like the root count even when one of them is
            // mostly a list of links.
            let same_shape = same_shape(doc, c, root);
            c == root
                || doc.element(c).is_some()
                    && !an.in_furniture[i]
                    && (matches!(an.hint[i], Hint::Neutral | Hint::Positive)
                        // Built like the root, named like it.
                        || same_shape && an.hint[i] != Hint::Negative)
                    && (same_shape && an.text[i] > 0 && an.link_density(c) < 0.9
                        || an.plain_score[i] > threshold.max(100.0) && an.link_density(c) < 0.3)
        })
        .collect()
}

/// Whether `a` and `b` are elements with the same tag and the same
/// non-empty class.
fn same_shape(doc: &Document, a: NodeId, b: NodeId) -> bool {
    match (doc.element(a), doc.element(b)) {
        (Some(x), Some(y)) => {
            x.tag() == y.tag()
                && x.attr("class").is_some_and(|c| !c.trim().is_empty())
                && x.attr("class") == y.attr("class")
        }
        _ => false,
    }
}

/// How many ancestors of the root are tried as the article's section.
const TWIN_LEVELS: usize = 3;

/// The text outside links of `id` and its look-alike siblings.
fn twin_prose(doc: &Document, an: &Analysis, id: NodeId) -> f32 {
    let Some(parent) = doc.node(id).parent else {
        return an.plain_score[id.index()];
    };
    doc.children(parent)
        .filter(|&c| c == id || same_shape(doc, c, id) && !an.in_furniture[c.index()])
        .map(|c| (an.text[c.index()] - an.link[c.index()]) as f32)
        .sum()
}

/// Whether `id` has a sibling built like it that holds prose.
fn has_twin(doc: &Document, an: &Analysis, id: NodeId) -> bool {
    let Some(parent) = doc.node(id).parent else {
        return false;
    };
    doc.children(parent).any(|c| {
        c != id
            && same_shape(doc, c, id)
            && an.plain_score[c.index()] > 0.0
            && !an.in_furniture[c.index()]
    })
}

/// Marks the furniture inside `root`: parts named like comments or share
/// bars, and parts with doubtful names (`sidebar`, `meta`) unless they hold
/// half of the root's prose. The root itself is trusted.
///
/// Calls to action go too: forms to type in and links drawn as buttons,
/// each with the small box around it.
///
/// [`Mode::Recall`] keeps the doubtful parts and the calls to action;
/// [`Mode::Precision`] also drops every block that scores as furniture
/// (short labels, link clusters).
pub(crate) fn mark_furniture(doc: &Document, an: &mut Analysis, root: NodeId, mode: Mode) {
    let half = 0.5 * an.plain_score[root.index()];
    let total = an.text[root.index()];
    let (mut seen, mut cut) = (0u32, false);
    for d in doc.descendants(root).skip(1) {
        let i = d.index();
        if matches!(doc.node(d).data, NodeData::Text(_)) {
            seen += an.text[i];
            continue;
        }
        // Precision: everything after a "Related" heading, once most of
        // the text has gone by, is other stories.
        if mode == Mode::Precision
            && !cut
            && seen * 2 > total
            && doc.tag(d).is_some_and(|t| is_heading_like(t))
            && an.text[i] <= 60
            && filter::is_related_label(&doc.clean_text(d))
        {
            cut = true;
        }
        // An inline element's text counts toward its block, not its own
        // score, so it is judged by its share of the text.
        let minor = if an.role[i] == Role::Inline {
            an.text[i] * 2 < total
        } else {
            an.plain_score[i] < half
        };
        // Calls to action go, with their boxes, except in recall mode.
        if mode != Mode::Recall && !an.dropped[i] {
            if let Some(b) = call_to_action_box(doc, an, root, d) {
                an.dropped[b.index()] = true;
            }
        }
        an.dropped[i] |= cut
            || match an.hint[i] {
                // A block named as furniture ("newsletter-content") that
                // holds half the article's prose or more is the article,
                // unless it is a discussion or a run of cards.
                Hint::Negative => minor || an.in_discussion[i] || is_card_list(doc, an, d),
                Hint::Doubtful => mode != Mode::Recall && minor,
                _ => {
                    mode == Mode::Precision
                        && an.role[i] == Role::Block
                        && an.text[i] > 0
                        && an.plain_score[i] < 0.0
                        && an.link_density(d) > 0.3
                }
            };
    }
}

/// The box to leave out when `id` is a call to action: a form with a
/// field to type in (a sign-up, a search, a comment box; not a quiz or a
/// calculator), or an email field a script sends, with the small box
/// around it, the box's heading and pitch included; any other form on its
/// own; a link drawn as a button that stands alone in a small box without
/// a picture ("Get the course"), with the box, where product cards keep
/// their pictures and Buy buttons. A box with half the text under `root`
/// or more is the article (ASP.NET pages wrap it all in a form).
fn call_to_action_box(doc: &Document, an: &Analysis, root: NodeId, id: NodeId) -> Option<NodeId> {
    let boxed = if is_text_form(doc, id) {
        small_box(doc, an, root, id, FORM_BOX_TEXT)
    } else if doc.tag(id).is_some_and(|t| &**t == "form") {
        id
    } else if is_lone_button_link(doc, an, id) {
        Some(small_box(doc, an, root, id, CALL_TO_ACTION_TEXT))
            .filter(|&b| b != id && !an.dropped[b.index()] && !has_picture(doc, b))?
    } else {
        return None;
    };
    (an.text[boxed.index()] * 2 < an.text[root.index()]).then_some(boxed)
}

/// Most text (characters) a form, with the box around it, may hold to be
/// left out: a sign-up box's heading and a sentence or two.
const FORM_BOX_TEXT: u32 = 300;

/// Whether `id` is a form with a field to type in (a sign-up, a search, a
/// comment box), or an email field on its own (a sign-up box a script
/// sends). Quizzes and calculators (choices, numbers) are not.
fn is_text_form(doc: &Document, id: NodeId) -> bool {
    let Some(el) = doc.element(id) else {
        return false;
    };
    match &**el.tag() {
        "form" => doc
            .descendants(id)
            .take(MAX_FORM_SCAN)
            .filter_map(|n| doc.element(n))
            .any(|f| match &**f.tag() {
                "textarea" => true,
                "input" => is_text_field(f),
                _ => false,
            }),
        "input" => el.input_type().eq_ignore_ascii_case("email"),
        _ => false,
    }
}

/// Whether `input` takes typed text: text, email, search, tel, url or
/// password.
fn is_text_field(input: &Element) -> bool {
    let t = input.input_type();
    ["text", "email", "search", "tel", "url", "password"]
        .iter()
        .any(|k| t.eq_ignore_ascii_case(k))
}

/// Most nodes of a form searched for a text field.
const MAX_FORM_SCAN: usize = 500;

/// Most text (characters) a box around a button-like link may hold to be
/// a call to action: a heading and a sentence.
const CALL_TO_ACTION_TEXT: u32 = 220;

/// The largest element around `id`, below `root`, that holds at most
/// `limit` characters of text (`id` itself when its parent holds more).
fn small_box(doc: &Document, an: &Analysis, root: NodeId, id: NodeId, limit: u32) -> NodeId {
    let mut top = id;
    while let Some(parent) = doc.node(top).parent {
        if parent == root || an.text[parent.index()] > limit {
            break;
        }
        top = parent;
    }
    top
}

/// Whether `id` is a link styled as a button (a class word `button`,
/// `btn` or `cta`, as in Bootstrap's `btn` and WordPress's
/// `wp-block-button__link`; not Bootstrap's `btn-link`, a button drawn as
/// a link) that stands alone: not a link in running text, where it is
/// under half the text of the paragraph or item it sits in.
fn is_lone_button_link(doc: &Document, an: &Analysis, id: NodeId) -> bool {
    let Some(el) = doc.element(id).filter(|el| &**el.tag() == "a") else {
        return false;
    };
    let drawn_as_link = || {
        el.attr("class").is_some_and(|c| {
            c.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("btn-link"))
        })
    };
    if !el.has_class_word(&["button", "btn", "cta"]) || drawn_as_link() {
        return false;
    }
    // The block the link's text belongs to.
    let block = doc
        .ancestors(id)
        .find(|&a| an.role[a.index()] != Role::Inline);
    let in_running_text = block.is_some_and(|b| {
        doc.tag(b)
            .is_some_and(|t| matches!(&**t, "p" | "li" | "dd" | "td"))
            && an.text[id.index()] * 2 < an.text[b.index()]
    });
    !in_running_text
}

/// Whether `id`'s subtree holds a picture (looked for among its first
/// [`MAX_PICTURE_SCAN`] nodes).
fn has_picture(doc: &Document, id: NodeId) -> bool {
    doc.descendants(id).take(MAX_PICTURE_SCAN).any(|n| {
        doc.tag(n)
            .is_some_and(|t| matches!(&**t, "img" | "picture"))
    })
}

/// Most nodes of a box searched for a picture.
const MAX_PICTURE_SCAN: usize = 2000;

/// Whether a block is a run of cards: at least [`CARD_RUN`] `div`,
/// `article`, `section` or `li` children with one tag, each holding a link,
/// as related stories and teasers are laid out (also inside one list).
fn is_card_list(doc: &Document, an: &Analysis, id: NodeId) -> bool {
    let run = |parent: NodeId| {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for c in doc.children(parent).take(MAX_CARD_CHILDREN) {
            let Some(tag) = doc
                .tag(c)
                .map(|t| &**t)
                .filter(|t| matches!(*t, "div" | "article" | "section" | "li"))
                .filter(|_| an.link[c.index()] > 0)
            else {
                continue;
            };
            match counts.iter_mut().find(|(t, _)| *t == tag) {
                Some((_, n)) => *n += 1,
                None => counts.push((tag, 1)),
            }
        }
        counts.iter().any(|(_, n)| *n >= CARD_RUN)
    };
    run(id)
        || doc
            .children(id)
            .take(MAX_CARD_CHILDREN)
            .filter(|&c| doc.tag(c).is_some_and(|t| matches!(&**t, "ul" | "ol")))
            .any(run)
}

/// Fewest look-alike children that make a run of cards.
const CARD_RUN: usize = 3;
/// Most children read when looking for a run of cards.
const MAX_CARD_CHILDREN: usize = 64;

/// Marks the copies of a block already seen in `parts`: pages that print
/// the article once per screen size and hide all but one with CSS hold it
/// two or three times. Subtrees with at least [`COPY_MIN`] characters are
/// compared, first by their text and link counts, then by their text; of a
/// chain of wrappers holding the same text, only the innermost is, so each
/// text is read at most once for each copy.
pub(crate) fn mark_copies(doc: &Document, an: &mut Analysis, parts: &[NodeId]) {
    // The first of each text seen, with its text once read.
    let mut seen: HashMap<(u32, u32), (NodeId, Option<String>)> = HashMap::new();
    let key = |an: &Analysis, id: NodeId| (an.text[id.index()], an.link[id.index()]);
    let innermost = |an: &Analysis, id: NodeId| {
        !doc.children(id)
            .any(|c| doc.element(c).is_some() && key(an, c) == key(an, id))
    };
    for &part in parts {
        doc.traverse(part, |event| {
            let Event::Enter(id) = event else {
                return true;
            };
            let i = id.index();
            if doc.element(id).is_none() || an.dropped[i] || an.text[i] < COPY_MIN {
                return false;
            }
            if !innermost(an, id) {
                return true;
            }
            // No descendant of an innermost subtree has its counts, so it
            // is recorded before its own subtree is read.
            let copy = match seen.entry(key(an, id)) {
                Entry::Occupied(mut first) => {
                    let (first, text) = first.get_mut();
                    *text.get_or_insert_with(|| doc.clean_text(*first)) == doc.clean_text(id)
                }
                Entry::Vacant(slot) => {
                    slot.insert((id, None));
                    false
                }
            };
            an.dropped[i] |= copy;
            !copy
        });
    }
}

const COPY_MIN: u32 = 500;

/// Tags that may hold a section label.
fn is_heading_like(tag: &str) -> bool {
    matches!(
        tag,
        "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "div" | "span" | "strong" | "b" | "header"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_cut_short_are_told_apart() {
        assert_eq!(ending("and a report would follow by..."), Ending::Cut);
        assert_eq!(ending("so we…  "), Ending::Cut);
        assert_eq!(ending("so we …"), Ending::Marked);
        assert_eq!(ending("the plan [...]"), Ending::Marked);
        assert_eq!(ending("the plan […]"), Ending::Marked);
        assert_eq!(ending("The plan passed."), Ending::Plain);
        assert_eq!(ending(""), Ending::Plain);
    }

    const PARA: &str = "This is a long paragraph of article prose, with commas, clauses and enough words to count as real content.";

    fn root_class(html: &str) -> String {
        let doc = Document::parse(html);
        let an = analyze(&doc);
        let root = choose_root(&doc, &an);
        doc.element(root)
            .and_then(|e| e.attr("class"))
            .unwrap_or("")
            .to_owned()
    }

    #[test]
    fn picks_the_prose_container_over_navigation() {
        let nav =
            "<ul>".to_owned() + &"<li><a href='/x'>Menu item link</a></li>".repeat(30) + "</ul>";
        let html = format!(
            "<body><div class='top'>{nav}</div><div class='story'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>\
             <div class='more'>{nav}</div></body>"
        );
        assert_eq!(root_class(&html), "story");
    }

    #[test]
    fn joins_sibling_containers_split_by_an_ad() {
        let html = format!(
            "<body><div class='wrap'><div class='a'><p>{PARA}</p><p>{PARA}</p></div><div class='ad'>Ad</div>\
             <div class='b'><p>{PARA}</p><p>{PARA}</p></div></div><div class='sidebar'><a href='/'>x</a></div></body>"
        );
        assert_eq!(root_class(&html), "wrap");
    }

    #[test]
    fn a_container_named_as_content_outgrows_a_table_in_it() {
        // A list of courses: each entry mostly its link, with prose
        // between them and one table of prose, which scores best alone.
        let cell = "A table cell with sentences of prose. ".repeat(16);
        let entry = "<p><a href='/c'>Course with a free certificate on topics</a> (Provider, ten hours)</p>";
        let prose = format!(
            "<p>{}</p>",
            "Prose about the courses listed here. ".repeat(4)
        );
        let html = format!(
            "<body><div class='entry-content'><table><tr><td>{cell}</td></tr></table>{}{}</div>\
             <div class='sidebar'><a href='/'>x</a></div></body>",
            entry.repeat(100),
            prose.repeat(30)
        );
        assert_eq!(root_class(&html), "entry-content");
    }

    #[test]
    fn a_content_container_beats_prose_inside_a_block_named_as_furniture() {
        let quotes = format!(
            "<div class='quotes'>{}</div>",
            format!("<p>{PARA}</p>").repeat(6)
        );
        // Links around both, so the page as a whole scores below either.
        let links = "<div>".to_owned()
            + &"<a href='/x'>A link to another page of the site</a> ".repeat(60)
            + "</div>";
        let html = format!(
            "<body>{links}<main><div class='entry-content'>{}</div></main>\
             <div class='bar bar-footer'><div class='bar-inner'>{quotes}</div></div></body>",
            format!("<p>{PARA}</p>").repeat(5)
        );
        assert_eq!(root_class(&html), "entry-content");
    }

    #[test]
    fn prefers_the_marked_article_body() {
        let html = format!(
            "<body><main class='m'><div itemprop='articleBody' class='body'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>\
             <section class='r'><p>{PARA}</p></section></main></body>"
        );
        assert_eq!(root_class(&html), "body");
    }

    #[test]
    fn comments_are_marked_as_furniture() {
        let html = format!(
            "<body><div class='post'><p>{PARA}</p><p>{PARA}</p></div><div id='comments' class='c'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></body>"
        );
        let doc = Document::parse(&html);
        let mut an = analyze(&doc);
        let root = choose_root(&doc, &an);
        mark_furniture(&doc, &mut an, root, Mode::Balanced);
        let comments = doc
            .descendants(root)
            .find(|&n| doc.element(n).and_then(|e| e.attr("id")) == Some("comments"))
            .unwrap();
        assert!(an.dropped[comments.index()]);
        let post = doc
            .descendants(root)
            .find(|&n| doc.element(n).and_then(|e| e.attr("class")) == Some("post"));
        assert!(post.is_some_and(|p| !an.dropped[p.index()]));
    }

    #[test]
    fn a_block_named_as_furniture_holding_the_article_is_kept() {
        let html = format!(
            "<body><main><div class='newsletter-wrapper'><div class='newsletter-signup'>\
             <p>Sign up for our newsletter.</p></div><article class='newsletter-content'>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></div><section><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></section></main></body>"
        );
        let doc = Document::parse(&html);
        let mut an = analyze(&doc);
        let root = choose_root(&doc, &an);
        mark_furniture(&doc, &mut an, root, Mode::Balanced);
        let named = |class: &str| {
            doc.descendants(NodeId::ROOT)
                .find(|&n| doc.element(n).and_then(|e| e.attr("class")) == Some(class))
                .unwrap()
        };
        assert!(!an.dropped[named("newsletter-wrapper").index()]);
        assert!(an.dropped[named("newsletter-signup").index()]);
    }

    #[test]
    fn a_run_of_cards_named_as_furniture_goes_however_long() {
        let card = format!("<div><h3><a href='/s'>Another story</a></h3><p>{PARA}</p></div>");
        let html = format!(
            "<body><article class='post'><h1>T</h1><div class='entry-content'>{}</div>\
             <div class='related-posts'><h2>Related</h2>{}</div></article></body>",
            format!("<p>{PARA}</p>").repeat(4),
            card.repeat(6)
        );
        let doc = Document::parse(&html);
        let mut an = analyze(&doc);
        let root = choose_root(&doc, &an);
        mark_furniture(&doc, &mut an, root, Mode::Balanced);
        let related = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.element(n).and_then(|e| e.attr("class")) == Some("related-posts"))
            .unwrap();
        assert!(an.dropped[related.index()]);
    }

    #[test]
    fn a_winner_holding_the_headline_stays_inside_a_block_named_as_furniture() {
        let excerpt = format!("<p><a href='/i'>Issue</a> {PARA}</p>");
        let html = format!(
            "<body><main><div class='newsletter-wrapper'><article><h1>T</h1>{}</article></div></main>\
             <div><section class='blog-archive'><h2>Past issues</h2>{}</section></div></body>",
            format!("<p>{PARA}</p>").repeat(8),
            excerpt.repeat(5)
        );
        let doc = Document::parse(&html);
        let an = analyze(&doc);
        let root = choose_root(&doc, &an);
        assert!(
            doc.descendants(root)
                .any(|d| doc.tag(d).is_some_and(|t| &**t == "h1")),
            "{:?}",
            doc.element(root).map(|e| e.tag().to_string())
        );
    }

    #[test]
    fn sections_of_the_article_are_parts_of_it() {
        let links = "<ul>".to_owned()
            + &"<li><a href='/x'>A link to another page</a></li>".repeat(20)
            + "</ul>";
        let html = format!(
            "<body><div class='content'><div class='s1'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>\
             <div class='s2'>{links}<p>{PARA}</p></div><div class='s3'><p>{PARA}</p><p>{PARA}</p></div>\
             <div class='ad'>Advertisement</div></div></body>"
        );
        let doc = Document::parse(&html);
        let an = analyze(&doc);
        let root = choose_root(&doc, &an);
        let classes: Vec<_> = article_parts(&doc, &an, root, Mode::Balanced)
            .into_iter()
            .filter_map(|p| doc.element(p).and_then(|e| e.attr("class")))
            .collect();
        assert_eq!(classes, ["s1", "s3"]);
    }

    #[test]
    fn names_on_the_article_wrapper_are_not_trusted() {
        let html = format!(
            "<body><nav><a href='/'>Home</a></nav><div class='page-ad-margins'><div class='story'><p>{PARA}</p><p>{PARA}</p></div></div></body>"
        );
        assert_eq!(root_class(&html), "story");
    }
}
