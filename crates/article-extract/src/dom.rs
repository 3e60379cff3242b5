//! An arena DOM built by html5ever through [`TreeSink`].
//!
//! Nodes live in one `Vec` and refer to each other by [`NodeId`]; walking the
//! tree follows parent and sibling links, so no traversal recurses and a page
//! nested 100,000 levels deep is no harder than a flat one.

use std::{
    borrow::Cow,
    cell::{Cell, Ref, RefCell},
};

use html5ever::{
    Attribute, LocalName, QualName, TokenizerResult,
    interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink},
    local_name, ns,
    tendril::StrTendril,
    tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    },
    tree_builder::{TreeBuilder, TreeBuilderOpts},
};

/// Deepest element nesting the parser builds, as in Chromium's parser.
/// Deeper start tags are dropped (their text is kept): html5ever's scope
/// checks scan the open-element stack, so unbounded depth costs quadratic time.
pub const MAX_DEPTH: u32 = 512;

/// Index of a node in a [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);

impl NodeId {
    /// The document node.
    pub const ROOT: NodeId = NodeId(0);

    /// The index of this node in the arena.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One DOM node with its links.
#[derive(Debug)]
pub struct Node {
    /// Parent node.
    pub parent: Option<NodeId>,
    /// First child.
    pub first_child: Option<NodeId>,
    /// Last child.
    pub last_child: Option<NodeId>,
    /// Previous sibling.
    pub prev: Option<NodeId>,
    /// Next sibling.
    pub next: Option<NodeId>,
    /// What the node is.
    pub data: NodeData,
}

/// The kinds of node kept.
#[derive(Debug)]
pub enum NodeData {
    /// The document root (also the root of each template's contents).
    Document,
    /// An element.
    Element(Element),
    /// A run of text.
    Text(StrTendril),
    /// Comments, doctypes and processing instructions.
    Other,
}

/// An element's name and attributes.
#[derive(Debug)]
pub struct Element {
    /// Qualified name.
    pub name: QualName,
    /// Attributes in source order.
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The local name, such as `div`.
    pub fn tag(&self) -> &LocalName {
        &self.name.local
    }

    /// Whether the element is in the HTML namespace.
    pub fn is_html(&self) -> bool {
        self.name.ns == ns!(html)
    }

    /// The value of attribute `name` (no namespace), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// Whether the `style` attribute holds one of `declarations`, written
    /// lower case without spaces (`display:none`), whatever its spacing
    /// and case.
    pub fn style_declares(&self, declarations: &[&str]) -> bool {
        self.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            declarations.iter().any(|d| s.contains(d))
        })
    }

    /// The `type` of an `input`, trimmed: `text` when it has none.
    pub fn input_type(&self) -> &str {
        self.attr("type").map_or("text", str::trim)
    }

    /// Whether one of the words of the `class` attribute, split at any
    /// character but a letter or digit (`wp-block-button__link` holds
    /// `button`), is one of `words`, case aside.
    pub fn has_class_word(&self, words: &[&str]) -> bool {
        // Bytes, not chars: the words are ASCII, and so is what matches them.
        self.attr("class").is_some_and(|c| {
            c.as_bytes()
                .split(|b| !b.is_ascii_alphanumeric())
                .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes())))
        })
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Document {
    nodes: Vec<Node>,
}

impl Document {
    /// Parses `html` (already decoded) into a document.
    pub fn parse(html: &str) -> Document {
        let sink = Sink {
            arena: RefCell::new(Arena {
                nodes: vec![new_node(NodeData::Document)],
                placeholder: QualName::new(None, ns!(html), local_name!("div")),
            }),
        };
        let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
        let tokenizer = Tokenizer::new(DepthGuard::new(builder), TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        tokenizer.sink.inner.sink.finish()
    }

    /// The node with id `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Number of nodes, which bounds every [`NodeId::index`].
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the document has only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The element at `id`, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id).data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of the element at `id`, if it is an HTML element.
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).filter(|e| e.is_html()).map(Element::tag)
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.node(id).first_child, |&c| self.node(c).next)
    }

    /// The ancestors of `id`, nearest first, excluding `id`.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.node(id).parent, |&p| self.node(p).parent)
    }

    /// `id` and its descendants in document order, walked without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root: id,
            next: Some(id),
        }
    }

    /// The nodes after `id` and its descendants, in document order to the
    /// end of the document.
    pub fn following(&self, id: NodeId) -> Descendants<'_> {
        let mut walk = Descendants {
            doc: self,
            root: NodeId::ROOT,
            next: None,
        };
        walk.next = walk.after(id);
        walk
    }

    /// Walks the subtree at `root`, calling `visit` with an [`Event::Enter`]
    /// for each node in document order (return `false` to skip its children)
    /// and an [`Event::Exit`] once its subtree is done. Iterative.
    pub fn traverse(&self, root: NodeId, mut visit: impl FnMut(Event) -> bool) {
        let mut node = root;
        loop {
            if visit(Event::Enter(node))
                && let Some(child) = self.node(node).first_child
            {
                node = child;
                continue;
            }
            loop {
                visit(Event::Exit(node));
                if node == root {
                    return;
                }
                if let Some(next) = self.node(node).next {
                    node = next;
                    break;
                }
                match self.node(node).parent {
                    Some(parent) => node = parent,
                    None => return,
                }
            }
        }
    }

    /// Concatenated text of `id` and its descendants, as in the source.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.node(n).data {
                out.push_str(t);
            }
        }
        out
    }

    /// Like [`Document::text`] with whitespace collapsed and trimmed.
    pub fn clean_text(&self, id: NodeId) -> String {
        collapse_whitespace(&self.text(id))
    }

    /// [`Document::clean_text`] of a small subtree: `None` when the subtree
    /// has more than `max_bytes` of text, found without reading the rest.
    pub fn short_text(&self, id: NodeId, max_bytes: usize) -> Option<String> {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.node(n).data {
                if out.len() + t.len() > max_bytes {
                    return None;
                }
                out.push_str(t);
            }
        }
        Some(collapse_whitespace(&out))
    }
}

/// A step of [`Document::traverse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Before the node's children.
    Enter(NodeId),
    /// After the node's children.
    Exit(NodeId),
}

/// Collapses every run of whitespace to one space, trims the ends and drops
/// ASCII control characters.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if w.chars().all(|c| c.is_ascii_control()) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|c| !c.is_ascii_control()));
    }
    out
}

/// Pre-order iterator over a subtree; see [`Document::descendants`].
#[derive(Debug)]
pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Descendants<'_> {
    /// Skips the children of the node returned last.
    pub fn skip_children(&mut self, of: NodeId) {
        self.next = self.after(of);
    }

    fn after(&self, id: NodeId) -> Option<NodeId> {
        let mut cur = id;
        loop {
            if cur == self.root {
                return None;
            }
            let node = self.doc.node(cur);
            if let Some(n) = node.next {
                return Some(n);
            }
            cur = node.parent?;
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = match self.doc.node(id).first_child {
            Some(c) => Some(c),
            None => self.after(id),
        };
        Some(id)
    }
}

/// Passes tokens to the tree builder, dropping tags nested beyond [`MAX_DEPTH`].
struct DepthGuard<S> {
    inner: S,
    depth: Cell<u32>,
    dropped: Cell<u32>,
}

impl<S> DepthGuard<S> {
    fn new(inner: S) -> Self {
        DepthGuard {
            inner,
            depth: Cell::new(0),
            dropped: Cell::new(0),
        }
    }
}

/// Tags that never nest: void elements, raw-text elements (which switch the
/// tokenizer's state, so are always passed on) and elements the tree builder
/// closes implicitly.
fn never_nests(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "template"
            | "html"
            | "head"
            | "body"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "rt"
            | "rp"
    )
}

impl<S: TokenSink> TokenSink for DepthGuard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !never_nests(&tag.name)
        {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing => {
                    if self.depth.get() >= MAX_DEPTH {
                        self.dropped.set(self.dropped.get() + 1);
                        return TokenSinkResult::Continue;
                    }
                    self.depth.set(self.depth.get() + 1);
                }
                TagKind::EndTag => {
                    if self.dropped.get() > 0 {
                        self.dropped.set(self.dropped.get() - 1);
                        return TokenSinkResult::Continue;
                    }
                    self.depth.set(self.depth.get().saturating_sub(1));
                }
                TagKind::StartTag => {}
            }
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

fn new_node(data: NodeData) -> Node {
    Node {
        parent: None,
        first_child: None,
        last_child: None,
        prev: None,
        next: None,
        data,
    }
}

/// The tree builder's view of the arena.
struct Sink {
    arena: RefCell<Arena>,
}

struct Arena {
    nodes: Vec<Node>,
    /// Name answered for a non-element handle; the tree builder never asks.
    placeholder: QualName,
}

impl Arena {
    fn push(&mut self, data: NodeData) -> NodeId {
        let id = NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX));
        self.nodes.push(new_node(data));
        id
    }

    fn get(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = self.get(id);
            (n.parent.take(), n.prev.take(), n.next.take())
        };
        match prev {
            Some(p) => self.get(p).next = next,
            None => {
                if let Some(par) = parent {
                    self.get(par).first_child = next;
                }
            }
        }
        match next {
            Some(n) => self.get(n).prev = prev,
            None => {
                if let Some(par) = parent {
                    self.get(par).last_child = prev;
                }
            }
        }
    }

    fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.get(parent).last_child;
        {
            let c = self.get(child);
            c.parent = Some(parent);
            c.prev = last;
        }
        match last {
            Some(l) => self.get(l).next = Some(child),
            None => self.get(parent).first_child = Some(child),
        }
        self.get(parent).last_child = Some(child);
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let (parent, prev) = {
            let s = self.get(sibling);
            (s.parent, s.prev)
        };
        {
            let c = self.get(child);
            c.parent = parent;
            c.prev = prev;
            c.next = Some(sibling);
        }
        self.get(sibling).prev = Some(child);
        match prev {
            Some(p) => self.get(p).next = Some(child),
            None => {
                if let Some(par) = parent {
                    self.get(par).first_child = Some(child);
                }
            }
        }
    }

    /// Appends text to `prev` when it is a text node; otherwise makes a node.
    fn text_node(&mut self, prev: Option<NodeId>, text: StrTendril) -> Option<NodeId> {
        if let Some(p) = prev
            && let NodeData::Text(t) = &mut self.get(p).data
        {
            t.push_tendril(&text);
            return None;
        }
        Some(self.push(NodeData::Text(text)))
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        Document {
            nodes: self.arena.into_inner().nodes,
        }
    }

    // Parse errors are normal on real pages; they never abort extraction.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.arena.borrow(), |a| {
            match &a.nodes[target.index()].data {
                NodeData::Element(e) => &e.name,
                _ => &a.placeholder,
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut arena = self.arena.borrow_mut();
        let id = arena.push(NodeData::Element(Element { name, attrs }));
        if flags.template {
            // Template contents live in their own fragment, outside the tree.
            arena.push(NodeData::Document);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.arena.borrow_mut().push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.arena.borrow_mut().push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut arena = self.arena.borrow_mut();
        let id = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let last = arena.get(*parent).last_child;
                match arena.text_node(last, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        arena.append(*parent, id);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.arena.borrow().nodes[element.index()].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut arena = self.arena.borrow_mut();
        let id = arena.push(NodeData::Other);
        arena.append(NodeId::ROOT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // `create_element` pushed the fragment right after the template.
        NodeId(target.0.saturating_add(1))
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let mut arena = self.arena.borrow_mut();
        let id = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let prev = arena.get(*sibling).prev;
                match arena.text_node(prev, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        arena.insert_before(*sibling, id);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut arena = self.arena.borrow_mut();
        if let NodeData::Element(e) = &mut arena.get(*target).data {
            for attr in attrs {
                if !e.attrs.iter().any(|a| a.name == attr.name) {
                    e.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.arena.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut arena = self.arena.borrow_mut();
        let mut child = arena.get(*node).first_child;
        while let Some(c) = child {
            child = arena.get(c).next;
            arena.append(*new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(doc: &Document) -> Vec<String> {
        doc.descendants(NodeId::ROOT)
            .filter_map(|n| doc.tag(n).map(|t| t.to_string()))
            .collect()
    }

    #[test]
    fn builds_tree_in_document_order() {
        let doc = Document::parse("<p>a<b>b</b></p><div>c</div>");
        assert_eq!(tags(&doc), ["html", "head", "body", "p", "b", "div"]);
        assert_eq!(doc.clean_text(NodeId::ROOT), "abc");
    }

    #[test]
    fn adoption_agency_reparents_correctly() {
        let doc = Document::parse("<p><b>1<p>2</b>3</p>");
        assert_eq!(doc.text(NodeId::ROOT), "123");
    }

    #[test]
    fn foster_parented_text_is_kept() {
        let doc = Document::parse("<table>x<tr><td>y</td></tr></table>");
        assert_eq!(doc.text(NodeId::ROOT), "xy");
    }

    #[test]
    fn template_contents_stay_out_of_the_tree() {
        let doc = Document::parse("<template><p>hidden</p></template><p>shown</p>");
        assert_eq!(doc.clean_text(NodeId::ROOT), "shown");
    }

    #[test]
    fn clean_text_drops_controls() {
        let doc = Document::parse("<p>a\u{1}b\u{1b} \u{7f}c \u{2} d</p>");
        assert_eq!(doc.clean_text(NodeId::ROOT), "ab c d");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let doc = Document::parse(&html);
        assert_eq!(doc.clean_text(NodeId::ROOT), "deep");
        let depth = doc.ancestors(NodeId(doc.len() as u32 - 1)).count();
        assert!(depth <= MAX_DEPTH as usize + 4, "{depth}");
    }

    #[test]
    fn traverse_pairs_enters_and_exits() {
        let doc = Document::parse("<div><p>a</p><p>b</p></div>");
        let div = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.tag(n).is_some_and(|t| &**t == "div"))
            .unwrap();
        let mut log = String::new();
        doc.traverse(div, |e| {
            match e {
                Event::Enter(n) => log.push_str(doc.tag(n).map_or("(", |t| t)),
                Event::Exit(_) => log.push(')'),
            }
            true
        });
        assert_eq!(log, "divp())p()))");
    }

    #[test]
    fn skip_children_moves_past_a_subtree() {
        let doc = Document::parse("<div><p>a</p></div><span>b</span>");
        let mut it = doc.descendants(NodeId::ROOT);
        let mut seen = Vec::new();
        while let Some(n) = it.next() {
            if let Some(t) = doc.tag(n) {
                seen.push(t.to_string());
                if &**t == "div" {
                    it.skip_children(n);
                }
            }
        }
        assert_eq!(seen, ["html", "head", "body", "div", "span"]);
    }

    #[test]
    fn following_walks_the_rest_of_the_document() {
        let doc = Document::parse("<div><p><b>a</b>b</p><i>c</i></div><span>d</span>");
        let find = |tag: &str| {
            doc.descendants(NodeId::ROOT)
                .find(|&n| doc.tag(n).is_some_and(|t| &**t == tag))
                .unwrap()
        };
        let texts = |from: NodeId| -> Vec<String> {
            doc.following(from)
                .filter(|&n| matches!(doc.node(n).data, NodeData::Text(_)))
                .map(|n| doc.text(n))
                .collect()
        };
        assert_eq!(
            texts(find("b")),
            ["b", "c", "d"],
            "past the subtree, up and on"
        );
        assert_eq!(texts(find("p")), ["c", "d"]);
        assert!(
            texts(find("span")).is_empty(),
            "nothing after the last node"
        );
        assert!(texts(NodeId::ROOT).is_empty(), "nothing after the document");
    }
}
