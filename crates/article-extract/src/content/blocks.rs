//! Turns the chosen container into [`Block`]s, leaving out furniture.

use article_model::{Align, Block, Cell, Inline, ListItem};
use url::Url;

use crate::{
    dom::{Document, Element, NodeData, NodeId, collapse_whitespace},
    resolve,
};

use super::{
    classify::{self, Role},
    filter, lists,
    score::Analysis,
};

/// Deepest nesting of lists and quotes kept; deeper ones are flattened.
const MAX_CONTAINER_DEPTH: usize = 8;
/// Deepest nesting of links and emphasis kept; deeper ones are flattened.
const MAX_INLINE_DEPTH: usize = 8;

/// What the renderer needs besides the DOM.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// Base for relative URLs.
    pub base: Option<&'a Url>,
    /// The article's title, left out of the body.
    pub title: Option<&'a str>,
}

/// Renders the subtree at `root` as blocks.
pub(crate) fn render(cx: &Context<'_>, root: NodeId) -> Vec<Block> {
    let mut b = Builder {
        cx,
        frames: vec![Frame::new(root, FrameKind::Root)],
        inline: vec![InlineFrame {
            node: root,
            kind: InlineKind::Root,
            content: Vec::new(),
        }],
        heading: None,
        last_heading: None,
        checkbox: None,
    };
    cx.doc.traverse(root, |event| match event {
        crate::dom::Event::Enter(id) => b.enter(id, root),
        crate::dom::Event::Exit(id) => {
            b.exit(id);
            true
        }
    });
    b.flush();
    while b.frames.len() > 1 {
        b.close_frame();
    }
    b.frames.pop().map(|f| f.blocks).unwrap_or_default()
}

#[derive(Debug)]
enum FrameKind {
    Root,
    Quote,
    List { ordered: bool, start: Option<u64> },
    Item,
}

#[derive(Debug)]
struct Frame {
    node: NodeId,
    kind: FrameKind,
    blocks: Vec<Block>,
    items: Vec<ListItem>,
}

impl Frame {
    fn new(node: NodeId, kind: FrameKind) -> Self {
        Frame {
            node,
            kind,
            blocks: Vec::new(),
            items: Vec::new(),
        }
    }
}

#[derive(Debug)]
enum InlineKind {
    Root,
    Link(Option<Url>),
    Emphasis,
    Strong,
}

#[derive(Debug)]
struct InlineFrame {
    node: NodeId,
    kind: InlineKind,
    content: Vec<Inline>,
}

struct Builder<'a, 'c> {
    cx: &'c Context<'a>,
    frames: Vec<Frame>,
    inline: Vec<InlineFrame>,
    heading: Option<(NodeId, u8)>,
    /// The last heading written, while nothing has followed it: its
    /// element's parent, and where the heading block sits.
    last_heading: Option<LastHeading>,
    /// A checkbox not yet followed by text: whether it is ticked. The
    /// text after it starts with a ballot box, which makes a task item.
    checkbox: Option<bool>,
}

/// A heading block that nothing has followed yet.
#[derive(Debug, Clone, Copy)]
struct LastHeading {
    /// The heading element.
    node: NodeId,
    /// Its parent, the section the heading opens.
    parent: NodeId,
    /// The frame and index of the heading block.
    frame: usize,
    index: usize,
}

impl Builder<'_, '_> {
    /// Handles entering `id`; returns whether to descend into it.
    fn enter(&mut self, id: NodeId, root: NodeId) -> bool {
        let doc = self.cx.doc;
        let el = match &doc.node(id).data {
            NodeData::Text(t) => {
                self.push_text(t);
                return false;
            }
            NodeData::Element(el) => el,
            NodeData::Document => return true,
            NodeData::Other => return false,
        };
        let an = self.cx.analysis;
        let i = id.index();
        let tag = &**el.tag();
        // A checkbox that starts a line marks the text right after it; any
        // element but inline markup (a link, emphasis) in between ends
        // that, and so does the end of the block (`flush`).
        if tag == "input" {
            let starts_line = self.line_so_far() != Some(false);
            self.checkbox = checkbox(el).filter(|_| !an.dropped[i] && starts_line);
            return false;
        }
        if an.role[i] != Role::Inline {
            self.checkbox = None;
        }
        if id != root && (an.dropped[i] || matches!(an.role[i], Role::Ignored | Role::Boilerplate))
        {
            return false;
        }
        if id != root && self.is_link_list(id, tag) {
            return false;
        }
        match tag {
            // A break ends a line; a second one in a row ends the
            // paragraph (`text<br><br>text`).
            "br" => {
                // A checkbox marks only the text on its own line.
                self.checkbox = None;
                if self.ends_with_break() {
                    self.flush();
                } else {
                    self.push_inline(Inline::LineBreak);
                }
                false
            }
            "hr" => {
                self.flush();
                self.push_block(Block::Rule);
                false
            }
            // Icons and bullets drawn as images are decoration.
            "img" if is_icon(el) => false,
            "img" => {
                if self.inline_is_blank() {
                    self.flush();
                    if let Some(fig) = self.figure(id, el) {
                        self.push_block(fig);
                    }
                }
                false
            }
            "figure" => {
                self.flush();
                if holds_table(doc, id) {
                    // A table in a figure (`wp-block-table`) is a table,
                    // and its caption a paragraph: read them as such.
                    return true;
                }
                if let Some(fig) = self.figure(id, el) {
                    self.push_block(fig);
                }
                false
            }
            "pre" => {
                self.flush();
                let text = doc.text(id);
                if !text.trim().is_empty() {
                    let language = code_language(doc, id);
                    self.push_block(Block::Preformatted { text, language });
                }
                false
            }
            "table" if !is_layout_table(doc, id) => {
                self.flush();
                let rows = table_rows(self.cx, id);
                if !rows.is_empty() {
                    self.push_block(Block::Table(rows));
                }
                false
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                if tag == "h1" && self.is_title(id) {
                    return false;
                }
                self.heading = Some((id, tag.as_bytes()[1] - b'0'));
                true
            }
            "ul" | "ol" => {
                self.flush();
                if self.frames.len() < MAX_CONTAINER_DEPTH {
                    let ordered = tag == "ol";
                    let start = el
                        .attr("start")
                        .and_then(|s| s.trim().parse::<u64>().ok())
                        .filter(|&s| ordered && s != 1);
                    self.frames
                        .push(Frame::new(id, FrameKind::List { ordered, start }));
                }
                true
            }
            "li" => {
                self.flush();
                if matches!(self.top().kind, FrameKind::List { .. }) {
                    self.frames.push(Frame::new(id, FrameKind::Item));
                }
                true
            }
            "blockquote" => {
                self.flush();
                if self.frames.len() < MAX_CONTAINER_DEPTH {
                    self.frames.push(Frame::new(id, FrameKind::Quote));
                }
                true
            }
            "a" => {
                let href = el.attr("href").and_then(|h| resolve::link(self.cx.base, h));
                self.open_inline(id, InlineKind::Link(href));
                true
            }
            "em" | "i" | "cite" | "dfn" => {
                self.open_inline(id, InlineKind::Emphasis);
                true
            }
            "strong" | "b" => {
                self.open_inline(id, InlineKind::Strong);
                true
            }
            "code" | "kbd" | "samp" | "tt" => {
                let text = collapse_whitespace(&doc.text(id));
                if !text.is_empty() {
                    self.push_inline(Inline::Code(text));
                }
                false
            }
            _ => {
                if an.role[i] == Role::Block {
                    self.flush();
                }
                true
            }
        }
    }

    fn exit(&mut self, id: NodeId) {
        self.close_section(id);
        if self.inline.len() > 1 && self.inline.last().is_some_and(|f| f.node == id) {
            self.close_inline();
            return;
        }
        if self.heading.is_some_and(|(h, _)| h == id) {
            self.flush();
            self.heading = None;
            return;
        }
        if self.frames.len() > 1 && self.top().node == id {
            self.flush();
            self.close_frame();
            return;
        }
        if self.cx.analysis.role[id.index()] == Role::Block {
            self.flush();
        }
    }

    /// Whether the line being written ends with a break (spaces aside).
    fn ends_with_break(&self) -> bool {
        self.line_so_far() == Some(true)
    }

    /// How the line being written ends, spaces aside, looking into open
    /// and closed inline markup: `Some(true)` at a break, `Some(false)` at
    /// text, `None` when the block holds nothing yet.
    fn line_so_far(&self) -> Option<bool> {
        self.inline
            .iter()
            .rev()
            .find_map(|f| ends_with_break(&f.content))
    }

    /// Leaving the element a heading opened: a heading followed by text
    /// in it that yielded nothing (a form, a list of links, a sign-up box)
    /// heads nothing, and goes.
    fn close_section(&mut self, id: NodeId) {
        if self.last_heading.is_none_or(|l| l.parent != id) {
            return;
        }
        let an = self.cx.analysis;
        if an.role[id.index()] != Role::Block {
            self.last_heading = None;
            return;
        }
        // Text after the heading, not yet written, follows it too.
        self.flush();
        let Some(last) = self.last_heading.take() else {
            return;
        };
        let doc = self.cx.doc;
        // Text after the heading in its section; a long run of siblings
        // is not read through, and counts as a section with text.
        let followed = std::iter::successors(doc.node(last.node).next, |&n| doc.node(n).next)
            .take(MAX_SECTION_SIBLINGS)
            .any(|n| an.text[n.index()] > 0);
        let blocks = &mut self.frames[last.frame].blocks;
        if followed && blocks.len() == last.index + 1 {
            blocks.pop();
        }
    }

    fn top(&self) -> &Frame {
        // The root frame is never popped while building.
        &self.frames[self.frames.len() - 1]
    }

    fn push_block(&mut self, block: Block) {
        self.last_heading = None;
        let len = self.frames.len();
        let frame = &mut self.frames[len - 1];
        match frame.kind {
            FrameKind::List { .. } => frame.items.push(ListItem::new(vec![block])),
            _ => frame.blocks.push(block),
        }
    }

    fn close_frame(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let block = match frame.kind {
            FrameKind::Root => None,
            FrameKind::Quote => (!frame.blocks.is_empty()).then_some(Block::Quote(frame.blocks)),
            FrameKind::List { ordered, start } => {
                (!frame.items.is_empty()).then_some(Block::List {
                    ordered,
                    start,
                    items: frame.items,
                })
            }
            FrameKind::Item => {
                if !frame.blocks.is_empty() {
                    let len = self.frames.len();
                    if let Some(parent) = self.frames.get_mut(len.wrapping_sub(1)) {
                        parent.items.push(ListItem::new(frame.blocks));
                    }
                }
                None
            }
        };
        if let Some(block) = block {
            self.push_block(block);
        }
    }

    /// Writes the ballot box of a checkbox that text now follows, so that
    /// it starts the line (`lists::lift` makes the line a task item).
    fn put_ballot(&mut self) {
        if let Some(ticked) = self.checkbox.take() {
            let ballot = if ticked {
                lists::TICKED
            } else {
                lists::UNTICKED
            };
            self.push_text(&format!("{ballot} "));
        }
    }

    fn open_inline(&mut self, node: NodeId, kind: InlineKind) {
        // Text in the link or emphasis follows the checkbox: its box goes
        // before, outside.
        self.put_ballot();
        if self.inline.len() < MAX_INLINE_DEPTH {
            self.inline.push(InlineFrame {
                node,
                kind,
                content: Vec::new(),
            });
        }
    }

    fn close_inline(&mut self) {
        let Some(frame) = self.inline.pop() else {
            return;
        };
        if let Some(parent) = self.inline.last_mut() {
            push_wrapped(&mut parent.content, frame.kind, frame.content);
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        if let Some(frame) = self.inline.last_mut() {
            frame.content.push(inline);
        }
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !text.trim().is_empty() {
            self.put_ballot();
        }
        let mut out = String::with_capacity(text.len());
        let mut space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                space = true;
            } else if c.is_ascii_control() {
                // NUL and other ASCII controls carry nothing readable.
                continue;
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        if space {
            out.push(' ');
        }
        if let Some(Inline::Text(prev)) = self.inline.last_mut().and_then(|f| f.content.last_mut())
        {
            if prev.ends_with(' ') && out.starts_with(' ') {
                out.remove(0);
            }
            prev.push_str(&out);
        } else {
            self.push_inline(Inline::Text(out));
        }
    }

    fn inline_is_blank(&self) -> bool {
        self.inline.iter().all(|f| {
            f.content.iter().all(|i| match i {
                Inline::Text(t) => t.trim().is_empty(),
                Inline::LineBreak => true,
                _ => false,
            })
        })
    }

    /// Ends the paragraph (or heading) being built and files it.
    fn flush(&mut self) {
        // Fold open inline frames into their parents, keeping them open.
        for i in (1..self.inline.len()).rev() {
            let content = std::mem::take(&mut self.inline[i].content);
            let kind = match &self.inline[i].kind {
                InlineKind::Link(h) => InlineKind::Link(h.clone()),
                InlineKind::Emphasis => InlineKind::Emphasis,
                InlineKind::Strong => InlineKind::Strong,
                InlineKind::Root => InlineKind::Root,
            };
            push_wrapped(&mut self.inline[i - 1].content, kind, content);
        }
        self.checkbox = None;
        let mut content = std::mem::take(&mut self.inline[0].content);
        drop_noise_lines(&mut content);
        normalize(&mut content);
        if content.is_empty() {
            // A heading stays open across an empty flush (an image or a
            // block before its words); leaving the heading closes it.
            return;
        }
        let heading = self.heading.take();
        let text = article_model::inline_text(&content);
        let has_code = || content.iter().any(|i| matches!(i, Inline::Code(_)));
        if text.is_empty()
            || filter::is_noise(&text)
            || filter::is_placeholder(&text)
            || filter::looks_like_script(&text) && !has_code()
        {
            return;
        }
        match heading {
            Some((node, level)) => {
                self.push_block(Block::Heading { level, content });
                let frame = self.frames.len() - 1;
                let parent = self.cx.doc.node(node).parent;
                self.last_heading = parent
                    .filter(|_| !matches!(self.frames[frame].kind, FrameKind::List { .. }))
                    .map(|parent| LastHeading {
                        node,
                        parent,
                        frame,
                        index: self.frames[frame].blocks.len() - 1,
                    });
            }
            None => self.push_block(Block::Paragraph(content)),
        }
    }

    fn is_title(&self, id: NodeId) -> bool {
        let Some(title) = self.cx.title else {
            return true;
        };
        let text = self.cx.doc.text(id);
        // Without spaces: the title puts one where a line break or a
        // block splits the headline, the headline's own text may not.
        let norm = |s: &str| {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        let (t, h) = (norm(title), norm(&text));
        t == h || t.contains(&h) || h.contains(&t)
    }

    /// Whether `id` is a block made mostly of links (a menu or a list of
    /// related stories).
    fn is_link_list(&self, id: NodeId, tag: &str) -> bool {
        let an = self.cx.analysis;
        let text = an.text[id.index()];
        if text == 0 {
            return false;
        }
        let density = an.link_density(id);
        match tag {
            "dl" | "nav" => density > 0.6,
            "ul" | "ol" => match self.cx.base {
                // Without the page's address, only short lists are judged.
                None => density > 0.95 && text < 300,
                Some(_) => density > 0.95 && !self.links_leave_site(id),
            },
            "table" => density > 0.95 && text < 300,
            // List items, and blocks right inside them, are judged with
            // their list, so that one linked item (a product, a source) is
            // not cut out of it.
            "p" | "div" | "section" | "td" => density > 0.7 && text < 400 && !self.in_list_item(id),
            _ => false,
        }
    }

    /// Whether `id`'s parent is a list item.
    fn in_list_item(&self, id: NodeId) -> bool {
        let doc = self.cx.doc;
        doc.node(id)
            .parent
            .and_then(|p| doc.tag(p))
            .is_some_and(|t| &**t == "li")
    }

    /// Whether most of the link text under `id` points to other sites: a
    /// list of products or sources, where related stories and tables of
    /// contents point to the page's own site. `false` without a base URL.
    fn links_leave_site(&self, id: NodeId) -> bool {
        let Some(home) = self.cx.base.and_then(|b| b.host_str()) else {
            return false;
        };
        let doc = self.cx.doc;
        let (mut away, mut home_text) = (0, 0);
        // A sample of the first links is enough, and keeps nested lists from
        // each reading every link below them.
        let links = doc
            .descendants(id)
            .take(MAX_LIST_NODES)
            .filter_map(|a| doc.element(a).filter(|e| &**e.tag() == "a").map(|e| (a, e)))
            .take(MAX_LIST_LINKS);
        for (a, el) in links {
            let chars = self.cx.analysis.text[a.index()];
            let target = el.attr("href").and_then(|h| resolve::web(self.cx.base, h));
            match target.as_ref().and_then(|u| u.host_str()) {
                Some(host) if !same_site(host, home) => away += chars,
                _ => home_text += chars,
            }
        }
        away > home_text
    }

    fn figure(&self, id: NodeId, el: &Element) -> Option<Block> {
        let doc = self.cx.doc;
        let img = if &**el.tag() == "img" {
            Some(el)
        } else {
            doc.descendants(id)
                .filter_map(|n| doc.element(n))
                .find(|e| e.is_html() && &**e.tag() == "img")
        };
        let caption_node = doc
            .descendants(id)
            .find(|&n| doc.tag(n).is_some_and(|t| &**t == "figcaption"));
        let caption = caption_node
            .map(|c| collapse_whitespace(&doc.text(c)))
            .filter(|c| !c.is_empty())
            .map(|c| vec![Inline::Text(c)])
            .unwrap_or_default();
        let src = img
            .and_then(|i| image_source(i))
            .and_then(|s| resolve::link(self.cx.base, s));
        if src.is_none() && caption.is_empty() {
            return None;
        }
        let alt = img
            .and_then(|i| i.attr("alt"))
            .map(collapse_whitespace)
            .unwrap_or_default();
        Some(Block::Figure { src, alt, caption })
    }
}

/// Most siblings after a heading read to find its section's text.
const MAX_SECTION_SIBLINGS: usize = 64;

/// The state of `input` when it is a visible checkbox: whether it is
/// ticked.
fn checkbox(input: &Element) -> Option<bool> {
    let is_checkbox = input.input_type().eq_ignore_ascii_case("checkbox");
    (is_checkbox && !classify::is_hidden(input)).then(|| input.attr("checked").is_some())
}

/// Whether an image is an icon: drawn at most [`ICON_MAX_PX`] wide and
/// high, or named as an icon (`list-icon`, `fa-icon`).
fn is_icon(img: &Element) -> bool {
    let px = |a: &str| {
        img.attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    let small = matches!((px("width"), px("height")), (Some(w), Some(h)) if w <= ICON_MAX_PX && h <= ICON_MAX_PX);
    small || img.has_class_word(&["icon"])
}

/// Largest width and height of an image taken as an icon.
const ICON_MAX_PX: u32 = 32;

/// Most nodes of a list read to judge where its links go.
const MAX_LIST_NODES: usize = 4096;
/// Most links of a list read to judge where they go.
const MAX_LIST_LINKS: usize = 64;

/// Whether hosts `a` and `b` belong to one site: the same name before the
/// public suffix, so that `news.example.com`, `www.example.com` and
/// `example.de` are one site. The suffix is taken to be the last label, or
/// the last two under a country code with a common second level
/// (`example.co.uk`).
fn same_site(a: &str, b: &str) -> bool {
    fn name(host: &str) -> String {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        let labels: Vec<&str> = host.rsplit('.').collect();
        let name = match labels.as_slice() {
            [tld, second, name, ..] if tld.len() == 2 && is_second_level(second) => name,
            [_, name, ..] => name,
            _ => return host.to_string(),
        };
        (*name).to_string()
    }
    /// Second levels under which country codes register names.
    fn is_second_level(label: &str) -> bool {
        matches!(
            label,
            "co" | "com"
                | "net"
                | "org"
                | "gov"
                | "ac"
                | "edu"
                | "ne"
                | "or"
                | "go"
                | "gob"
                | "mil"
        )
    }
    name(a) == name(b)
}

/// Wraps inline content in the markup of `kind`; `None` when empty.
fn wrap(kind: InlineKind, content: Vec<Inline>) -> Option<Inline> {
    if content.is_empty() {
        return None;
    }
    Some(match kind {
        InlineKind::Link(href) => Inline::Link { href, content },
        InlineKind::Emphasis => Inline::Emphasis(content),
        InlineKind::Strong => Inline::Strong(content),
        InlineKind::Root => return content.into_iter().next(),
    })
}

/// How `content` ends, spaces aside: `Some(true)` with a break,
/// `Some(false)` with anything else, `None` when it holds nothing (links
/// and emphasis that hold only spaces count as nothing; their breaks were
/// moved outside them by [`push_wrapped`]). Inline nesting is bounded, so
/// this may recurse.
fn ends_with_break(content: &[Inline]) -> Option<bool> {
    content.iter().rev().find_map(|i| match i {
        Inline::Text(t) if t.trim().is_empty() => None,
        Inline::LineBreak => Some(true),
        Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
            ends_with_break(content)
        }
        _ => Some(false),
    })
}

/// Adds `content`, wrapped as `kind`, to `out`, with a line break at
/// either end of it (spaces aside) moved outside (`<b>Lead<br></b>Text`),
/// so that the break separates lines wherever the paragraph is rendered.
fn push_wrapped(out: &mut Vec<Inline>, kind: InlineKind, mut content: Vec<Inline>) {
    let blank = |i: &Inline| matches!(i, Inline::Text(t) if t.trim().is_empty());
    let lead = content.iter().take_while(|i| blank(i)).count();
    let before = matches!(content.get(lead), Some(Inline::LineBreak));
    if before {
        content.drain(..=lead);
    }
    let trail = content.iter().rev().take_while(|i| blank(i)).count();
    let at = content.len().checked_sub(trail + 1);
    let after = at.is_some_and(|at| matches!(content[at], Inline::LineBreak));
    if let Some(at) = at.filter(|_| after) {
        content.truncate(at);
    }
    if before {
        out.push(Inline::LineBreak);
    }
    out.extend(wrap(kind, content));
    if after {
        out.push(Inline::LineBreak);
    }
}

/// Leaves out the lines of a paragraph broken by `<br>` that are
/// furniture on their own ("Share your story", "Source: ANI"), as they
/// would be as paragraphs.
fn drop_noise_lines(content: &mut Vec<Inline>) {
    if !content.iter().any(|i| matches!(i, Inline::LineBreak)) {
        return;
    }
    let mut kept = Vec::with_capacity(content.len());
    for line in content.split(|i| matches!(i, Inline::LineBreak)) {
        let text = article_model::inline_text(line);
        if text.is_empty() || filter::is_noise(&text) || filter::is_placeholder(&text) {
            continue;
        }
        if !kept.is_empty() {
            kept.push(Inline::LineBreak);
        }
        kept.extend_from_slice(line);
    }
    *content = kept;
}

/// Collapses spaces across inline boundaries, trims the ends and removes
/// empty markup.
fn normalize(content: &mut Vec<Inline>) {
    let mut prev_space = true;
    normalize_in(content, &mut prev_space);
    let breaks = content
        .iter()
        .take_while(|i| matches!(i, Inline::LineBreak))
        .count();
    content.drain(..breaks);
    trim_end(content);
}

fn normalize_in(content: &mut Vec<Inline>, prev_space: &mut bool) {
    for inline in content.iter_mut() {
        match inline {
            Inline::Text(t) => {
                if *prev_space {
                    let trimmed = t.trim_start_matches(' ');
                    if trimmed.len() != t.len() {
                        *t = trimmed.to_owned();
                    }
                }
                if !t.is_empty() {
                    *prev_space = t.ends_with(' ');
                }
            }
            Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
                normalize_in(content, prev_space)
            }
            Inline::Code(_) => *prev_space = false,
            Inline::LineBreak => *prev_space = true,
        }
    }
    content.retain(|i| match i {
        Inline::Text(t) => !t.is_empty(),
        Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
            !content.is_empty()
        }
        _ => true,
    });
}

fn trim_end(content: &mut Vec<Inline>) {
    while let Some(last) = content.last_mut() {
        match last {
            Inline::Text(t) => {
                let len = t.trim_end().len();
                t.truncate(len);
                if !t.is_empty() {
                    return;
                }
            }
            Inline::LineBreak => {}
            Inline::Link { content: inner, .. }
            | Inline::Emphasis(inner)
            | Inline::Strong(inner) => {
                trim_end(inner);
                if !inner.is_empty() {
                    return;
                }
            }
            Inline::Code(_) => return,
        }
        content.pop();
    }
}

/// The image URL of an `img`, preferring lazy-loading attributes over
/// placeholders.
fn image_source(img: &Element) -> Option<&str> {
    let lazy = ["data-src", "data-lazy-src", "data-original", "data-url"]
        .iter()
        .find_map(|a| img.attr(a))
        .or_else(|| {
            ["data-srcset", "srcset"]
                .iter()
                .find_map(|a| img.attr(a))
                .and_then(|s| s.split_whitespace().next())
        });
    let src = img.attr("src").filter(|s| {
        let s = s.trim();
        !s.is_empty() && !s.starts_with("data:")
    });
    match (src, lazy) {
        (Some(s), Some(l))
            if s.contains("placeholder") || s.contains("blank") || s.contains("lazy") =>
        {
            Some(l)
        }
        (Some(s), _) => Some(s),
        (None, l) => l,
    }
}

/// The language of a code block from a `language-x` or `lang-x` class on
/// the `pre` or its `code`.
fn code_language(doc: &Document, pre: NodeId) -> Option<String> {
    doc.descendants(pre)
        .take(3)
        .filter_map(|n| doc.element(n))
        .find_map(|e| {
            e.attr("class")?.split_whitespace().find_map(|c| {
                c.strip_prefix("language-")
                    .or_else(|| c.strip_prefix("lang-"))
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
            })
        })
}

/// Whether the figure at `figure` holds a table.
fn holds_table(doc: &Document, figure: NodeId) -> bool {
    doc.descendants(figure)
        .skip(1)
        .any(|n| doc.tag(n).is_some_and(|t| &**t == "table"))
}

/// Whether a table lays out the page rather than holding data: it holds
/// another table, a heading outside its header cells, a list or a quote,
/// or a cell with more than one paragraph or division (one `<p>` per cell
/// is common in data tables).
fn is_layout_table(doc: &Document, table: NodeId) -> bool {
    let tag_is = |n: NodeId, tags: &[&str]| doc.tag(n).is_some_and(|t| tags.contains(&&**t));
    // A heading in a header cell (`<th><h3>Specs</h3></th>`) titles the
    // table; anywhere else it is a page laid out in cells.
    let in_header = |n: NodeId| {
        doc.ancestors(n)
            .take_while(|&a| a != table)
            .any(|a| tag_is(a, &["th", "thead", "caption"]))
    };
    doc.descendants(table).skip(1).any(|n| {
        tag_is(n, &["table", "ul", "ol", "blockquote"])
            || (tag_is(n, &["h1", "h2", "h3"]) && !in_header(n))
            || (tag_is(n, &["td", "th"])
                && doc
                    .descendants(n)
                    .skip(1)
                    .filter(|&d| tag_is(d, &["p", "div"]))
                    .nth(1)
                    .is_some())
    })
}

/// The rows of a data table, each cell as collapsed text.
fn table_rows(cx: &Context<'_>, table: NodeId) -> Vec<Vec<Cell>> {
    let doc = cx.doc;
    let mut rows = Vec::new();
    for n in doc.descendants(table) {
        if doc.tag(n).is_none_or(|t| &**t != "tr") {
            continue;
        }
        let cells: Vec<Cell> = doc
            .children(n)
            .filter_map(|c| {
                let el = doc.element(c)?;
                let header = &**el.tag() == "th";
                (header || &**el.tag() == "td").then(|| Cell {
                    align: cell_align(el),
                    colspan: span(el, "colspan"),
                    rowspan: span(el, "rowspan"),
                    ..Cell::new(
                        header,
                        vec![Inline::Text(collapse_whitespace(&doc.text(c)))],
                    )
                })
            })
            .collect();
        if cells
            .iter()
            .any(|c| matches!(&c.content[..], [Inline::Text(t)] if !t.is_empty()))
        {
            rows.push(cells);
        }
    }
    rows
}

/// Most columns or rows one cell may span; larger values are taken as this.
const MAX_SPAN: u32 = 1000;

/// A cell's `colspan` or `rowspan`: 1 when absent or unreadable.
fn span(cell: &Element, name: &str) -> u32 {
    cell.attr(name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .map_or(1, |v| v.clamp(1, MAX_SPAN))
}

/// A cell's alignment, from `align` or a `text-align` style.
fn cell_align(cell: &Element) -> Option<Align> {
    let style = cell.attr("style").and_then(|style| {
        style.split(';').find_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            (name.trim().eq_ignore_ascii_case("text-align")).then_some(value)
        })
    });
    let value = style.or_else(|| cell.attr("align"))?.trim();
    let value = value.trim_end_matches("!important").trim();
    match value.to_ascii_lowercase().as_str() {
        "left" | "start" => Some(Align::Left),
        "center" | "centre" => Some(Align::Center),
        "right" | "end" => Some(Align::Right),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::same_site;

    #[test]
    fn sites_are_compared_by_name() {
        assert!(same_site("www.example.com", "news.example.com"));
        assert!(same_site("example.com", "www.example.de"));
        assert!(same_site("shop.example.co.uk", "example.co.uk"));
        assert!(!same_site("example.co.uk", "other.co.uk"));
        assert!(!same_site("example.com", "amazon.com"));
        assert!(same_site("localhost", "LOCALHOST"));
        assert!(same_site("www.zdf.de", "zdf.de"));
        assert!(!same_site("www.zdf.de", "www.ard.de"));
        assert!(same_site("www.bbc.co.uk", "news.bbc.co.uk"));
    }
}
