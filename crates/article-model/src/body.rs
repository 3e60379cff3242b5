//! The body tree: blocks holding inline content.
//!
//! Producers keep the tree shallow (the extractor bounds nesting), so code
//! that walks it may recurse.

use url::Url;

/// A block of body content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(Vec<Inline>),
    /// A heading; `level` runs from 1 to 6.
    Heading {
        /// Heading level, 1 to 6.
        level: u8,
        /// Heading text.
        content: Vec<Inline>,
    },
    /// An ordered or unordered list.
    List {
        /// Whether items are numbered.
        ordered: bool,
        /// First number of an ordered list, when not 1.
        start: Option<u64>,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A block quotation.
    Quote(Vec<Block>),
    /// Preformatted text, such as code.
    Preformatted {
        /// The text, whitespace kept.
        text: String,
        /// Language from a `language-…` class, when given.
        language: Option<String>,
    },
    /// A table, as rows of cells.
    Table(Vec<Vec<Cell>>),
    /// An image with its caption.
    Figure {
        /// Absolute image URL.
        src: Option<Url>,
        /// Alternative text.
        alt: String,
        /// Caption shown with the image.
        caption: Vec<Inline>,
    },
    /// A thematic break.
    Rule,
}

/// One item of a [`Block::List`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListItem {
    /// The item's content.
    pub blocks: Vec<Block>,
    /// For an item of a task list (a checkbox on the page), whether it is
    /// ticked; `None` for an ordinary item.
    pub checked: Option<bool>,
}

impl ListItem {
    /// An ordinary (not task) item holding `blocks`.
    pub fn new(blocks: Vec<Block>) -> Self {
        ListItem {
            blocks,
            checked: None,
        }
    }
}

/// One table cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// Whether this is a header cell (`th`).
    pub header: bool,
    /// The cell's content.
    pub content: Vec<Inline>,
    /// Horizontal alignment, when the page gives one.
    pub align: Option<Align>,
    /// Columns the cell spans (`colspan`); 0 and 1 both mean one.
    pub colspan: u32,
    /// Rows the cell spans (`rowspan`); 0 and 1 both mean one.
    pub rowspan: u32,
}

impl Cell {
    /// A plain cell holding `content`: no alignment, no spans.
    pub fn new(header: bool, content: Vec<Inline>) -> Cell {
        Cell {
            header,
            content,
            align: None,
            colspan: 1,
            rowspan: 1,
        }
    }

    /// Whether the cell spans more than one column or row.
    pub fn is_merged(&self) -> bool {
        self.colspan > 1 || self.rowspan > 1
    }
}

/// Horizontal alignment of a table cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Left-aligned.
    Left,
    /// Centred.
    Center,
    /// Right-aligned.
    Right,
}

/// Inline content of a block.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text with whitespace already collapsed.
    Text(String),
    /// A hyperlink; `href` is `None` when the target was unusable.
    Link {
        /// Absolute target.
        href: Option<Url>,
        /// Link text.
        content: Vec<Inline>,
    },
    /// Emphasis (`em`, `i`).
    Emphasis(Vec<Inline>),
    /// Strong importance (`strong`, `b`).
    Strong(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A hard line break.
    LineBreak,
}
