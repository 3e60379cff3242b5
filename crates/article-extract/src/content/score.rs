//! One bottom-up pass that measures text and links under every node and
//! scores how much article prose each subtree holds; then the choice of the
//! article's container.

use crate::dom::{Document, NodeData, NodeId};

use super::classify::{self, Hint, Role};

/// Prose score an element named like furniture must reach to be kept
/// anyway: names mislead (`page-ad-margins` may wrap the whole article).
const NEGATIVE_KEEP_SCORE: f32 = 2000.0;
/// The same for doubtful names (`sidebar`, `widget`, `meta`).
const DOUBTFUL_KEEP_SCORE: f32 = 800.0;

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
            }
            NodeData::Text(_) => an.role[id.index()] = Role::Inline,
            NodeData::Document => an.role[id.index()] = Role::Block,
            NodeData::Other => continue,
        }
        an.order.push(id);
    }

    // Text that has not yet reached its enclosing block.
    let mut inline_text = vec![0u32; n];
    let mut inline_link = vec![0u32; n];
    // Best prose score of any subtree inside, ignoring drops made for class
    // names; it decides them: a misleading name on a wrapper must not hide
    // the article inside.
    let mut raw = vec![0f32; n];
    let mut best_raw = vec![0f32; n];
    for &id in an.order.iter().rev() {
        let i = id.index();
        if let NodeData::Text(t) = &doc.node(id).data {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            an.text[i] = chars;
            inline_text[i] = chars;
        } else {
            let (mut text, mut link, mut score, mut own, mut own_link) = (0, 0, 0.0, 0, 0);
            let mut raw_score = 0.0;
            let mut best_inside = 0f32;
            for c in doc.children(id) {
                let ci = c.index();
                text += an.text[ci];
                link += an.link[ci];
                score += an.score[ci];
                raw_score += raw[ci];
                best_inside = best_inside.max(best_raw[ci]);
                own += inline_text[ci];
                own_link += inline_link[ci];
            }
            let is_link = doc.tag(id).is_some_and(|t| &**t == "a");
            if is_link {
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
                _ => {
                    let value = block_value(own, own_link);
                    score += value;
                    raw_score += value;
                }
            }
            let keep_score = match hints[i] {
                Hint::Negative => NEGATIVE_KEEP_SCORE,
                Hint::Doubtful => DOUBTFUL_KEEP_SCORE,
                _ => 0.0,
            };
            if an.role[i] == Role::Boilerplate {
                raw_score = -(text as f32);
            }
            raw[i] = raw_score;
            best_raw[i] = best_inside.max(raw_score);
            let drop =
                an.role[i] == Role::Boilerplate || keep_score > 0.0 && best_raw[i] < keep_score;
            if drop {
                an.dropped[i] = true;
                score = -(text as f32);
                inline_text[i] = 0;
                inline_link[i] = 0;
            }
            an.score[i] = score;
        }
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

/// Picks the element whose subtree holds the most prose net of furniture.
pub(crate) fn choose_root(doc: &Document, an: &Analysis) -> NodeId {
    let mut best = NodeId::ROOT;
    let mut best_score = f32::MIN;
    for &id in &an.order {
        let i = id.index();
        if an.in_dropped[i] || doc.element(id).is_none() {
            continue;
        }
        // `>=` prefers the deepest of equally good nested wrappers.
        if an.score[i] >= best_score {
            best_score = an.score[i];
            best = id;
        }
    }
    best
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
    fn comments_count_against_their_container() {
        let html = format!(
            "<body><div class='post'><p>{PARA}</p><p>{PARA}</p></div><div id='comments' class='c'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></body>"
        );
        assert_eq!(root_class(&html), "post");
    }
}
