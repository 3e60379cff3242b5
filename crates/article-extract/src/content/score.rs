//! One bottom-up pass that measures text and links under every node and
//! scores how much article prose each subtree holds; then the choice of the
//! article's container.

use crate::dom::{Document, NodeData, NodeId};

use super::classify::{self, Hint, Role};

/// Largest link-heavy block treated as a teaser card or menu.
const TEASER_MAX_CHARS: u32 = 1500;

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
    /// Non-whitespace characters of visible text in the subtree.
    pub text: Vec<u32>,
    /// Of those, characters inside links.
    pub link: Vec<u32>,
    /// Prose score of the subtree: good text minus furniture.
    pub score: Vec<f32>,
    /// Whether the node was judged furniture and is left out.
    pub dropped: Vec<bool>,
    /// Whether the node or one of its ancestors was dropped.
    pub in_dropped: Vec<bool>,
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
}

/// Measures and scores every node of `doc`.
pub(crate) fn analyze(doc: &Document) -> Analysis {
    let n = doc.len();
    let mut an = Analysis {
        role: vec![Role::Ignored; n],
        text: vec![0; n],
        link: vec![0; n],
        score: vec![0.0; n],
        dropped: vec![false; n],
        in_dropped: vec![false; n],
        order: Vec::with_capacity(n),
        marked: Vec::new(),
    };
    let mut hints = vec![Hint::Neutral; n];
    let mut walk = doc.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        match &doc.node(id).data {
            NodeData::Element(el) => {
                let role = classify::role(el);
                an.role[id.index()] = role;
                if role == Role::Ignored {
                    walk.skip_children(id);
                    continue;
                }
                if !matches!(&**el.tag(), "html" | "body" | "main" | "article") {
                    hints[id.index()] = classify::hint(el);
                }
                if el
                    .attr("itemprop")
                    .is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "articleBody"))
                {
                    an.marked.push(id);
                }
            }
            NodeData::Text(_) => an.role[id.index()] = Role::Inline,
            NodeData::Document => an.role[id.index()] = Role::Block,
            NodeData::Other => continue,
        }
        an.order.push(id);
    }

    // Pass A: text, links, each block's own value, and a raw prose score
    // in which names like `comments` only weaken a subtree.
    let mut inline_text = vec![0u32; n];
    let mut inline_link = vec![0u32; n];
    let mut value = vec![0f32; n];
    let mut raw = vec![0f32; n];
    let mut raw_unweighted = vec![0f32; n];
    for &id in an.order.iter().rev() {
        let i = id.index();
        if let NodeData::Text(t) = &doc.node(id).data {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            an.text[i] = chars;
            inline_text[i] = chars;
            continue;
        }
        let (mut text, mut link, mut own, mut own_link, mut raw_score) = (0, 0, 0, 0, 0.0);
        let mut unweighted = 0.0;
        for c in doc.children(id) {
            let ci = c.index();
            text += an.text[ci];
            link += an.link[ci];
            own += inline_text[ci];
            own_link += inline_link[ci];
            raw_score += raw[ci];
            unweighted += raw_unweighted[ci];
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
            }
            Role::Boilerplate => {}
            _ => value[i] = block_value(own, own_link),
        }
        raw_score += value[i];
        raw_unweighted[i] = if an.role[i] == Role::Boilerplate {
            -(text as f32)
        } else {
            unweighted + value[i]
        };
        raw[i] = match (an.role[i], hints[i]) {
            (Role::Boilerplate, _) => -(text as f32),
            (_, Hint::Negative) if raw_score > 0.0 => raw_score * NEGATIVE_WEIGHT,
            (_, Hint::Doubtful) if raw_score > 0.0 => raw_score * DOUBTFUL_WEIGHT,
            _ => raw_score,
        };
    }

    // The densest prose cluster: names on its ancestors, and doubtful names
    // on parts of it that hold half its prose, are not trusted.
    let mut protected = vec![false; n];
    let best = an
        .order
        .iter()
        .filter(|id| doc.element(**id).is_some())
        .max_by(|a, b| raw[a.index()].total_cmp(&raw[b.index()]));
    if let Some(&best) = best {
        for a in doc.ancestors(best) {
            protected[a.index()] = true;
        }
        let half = 0.5 * raw_unweighted[best.index()];
        for d in doc.descendants(best) {
            let i = d.index();
            protected[i] = hints[i] != Hint::Negative && raw_unweighted[i] >= half;
        }
    }

    // Pass B: the score with furniture dropped.
    for &id in an.order.iter().rev() {
        let i = id.index();
        if matches!(doc.node(id).data, NodeData::Text(_)) {
            continue;
        }
        let mut score: f32 = doc.children(id).map(|c| an.score[c.index()]).sum();
        score += value[i];
        // A small cluster of mostly links (a teaser card, a menu) counts
        // against its container even when it carries some prose.
        if an.role[i] == Role::Block && an.text[i] < TEASER_MAX_CHARS && an.link_density(id) > 0.5 {
            score = score.min(-(an.link[i] as f32));
        }
        let drop = an.role[i] == Role::Boilerplate
            || matches!(hints[i], Hint::Negative | Hint::Doubtful) && !protected[i];
        if drop {
            an.dropped[i] = true;
            score = -(an.text[i] as f32);
        }
        an.score[i] = score;
    }
    for &id in &an.order {
        let parent = doc
            .node(id)
            .parent
            .is_some_and(|p| an.in_dropped[p.index()]);
        an.in_dropped[id.index()] = an.dropped[id.index()] || parent;
    }
    an
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
/// discounted by its link density.
pub(crate) fn choose_root(doc: &Document, an: &Analysis) -> NodeId {
    let mut best = NodeId::ROOT;
    let mut best_score = f32::MIN;
    for &id in &an.order {
        let i = id.index();
        if an.in_dropped[i] || doc.element(id).is_none() {
            continue;
        }
        // Containers mostly made of links (teaser lists) are discounted.
        let score = an.score[i] * (1.0 - an.link_density(id));
        // `>=` prefers the deepest of equally good nested wrappers.
        if score >= best_score {
            best_score = score;
            best = id;
        }
    }
    // A container the page itself marks as the article body wins when it
    // holds at least half of the chosen prose.
    an.marked
        .iter()
        .copied()
        .filter(|&m| !an.in_dropped[m.index()])
        .filter(|&m| {
            m == best || doc.ancestors(m).any(|a| a == best) || doc.ancestors(best).any(|a| a == m)
        })
        .find(|&m| an.score[m.index()] >= 0.5 * an.score[best.index()])
        .unwrap_or(best)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn prefers_the_marked_article_body() {
        let html = format!(
            "<body><main class='m'><div itemprop='articleBody' class='body'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>\
             <section class='r'><p>{PARA}</p></section></main></body>"
        );
        assert_eq!(root_class(&html), "body");
    }

    #[test]
    fn comments_count_against_their_container() {
        let html = format!(
            "<body><div class='post'><p>{PARA}</p><p>{PARA}</p></div><div id='comments' class='c'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></body>"
        );
        assert_eq!(root_class(&html), "post");
    }
}
