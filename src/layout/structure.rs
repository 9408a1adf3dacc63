//! The handout's logical structure: what each drawn item *is* (a heading, a paragraph, a
//! list label, a picture with its description), so that the PDF tells assistive
//! technology what a sighted reader sees.
//!
//! Layout builds the tree while it composes, and marks every placed item either with the
//! element whose content it is, or as an artifact (a rule, a box's fill, the running
//! header and footer) that is not read. The PDF's structure tree comes from these marks
//! alone, in the order the items are drawn, which is the reading order.

/// An element of the structure tree; the root, [`ElementId::DOCUMENT`], is the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ElementId(u32);

impl ElementId {
    pub const DOCUMENT: ElementId = ElementId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What an element is, by the standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Document,
    /// A part with a heading of its own: a box, a card.
    Sect,
    /// A grouping with no meaning of its own: a picture with its caption, the clinic's
    /// details.
    Div,
    H1,
    H2,
    H3,
    P,
    /// A list, numbered (steps) or bulleted.
    List {
        numbered: bool,
    },
    ListItem,
    /// A list item's number or bullet, drawn (and read) before its body.
    Label,
    ListBody,
    /// A picture, read as its description.
    Figure {
        alt: String,
    },
    Caption,
    /// A clickable address; `description` says where it leads, for readers that cannot
    /// see the text it is on.
    Link {
        uri: String,
        description: String,
    },
    /// A grid read cell by cell, each cell with the headers of its row and column: the
    /// log's days against its exercises.
    Table,
    /// A row of a table: its cells, left to right.
    TableRow,
    /// A cell that names the other cells of its column or its row.
    TableHeader {
        scope: Scope,
    },
    /// A cell of data: in the log, a box to tick or write in.
    TableCell,
}

/// The cells a table's header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Column,
    Row,
}

impl Scope {
    /// Its name in a PDF's table attributes.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Column => "Column",
            Scope::Row => "Row",
        }
    }
}

impl Role {
    /// The structure type's name in the PDF.
    pub fn name(&self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::Div => "Div",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::List { .. } => "L",
            Role::ListItem => "LI",
            Role::Label => "Lbl",
            Role::ListBody => "LBody",
            Role::Figure { .. } => "Figure",
            Role::Caption => "Caption",
            Role::Link { .. } => "Link",
            Role::Table => "Table",
            Role::TableRow => "TR",
            Role::TableHeader { .. } => "TH",
            Role::TableCell => "TD",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub role: Role,
    /// `None` only for the document.
    pub parent: Option<ElementId>,
}

/// The elements of one handout, the document first; each element's parent comes before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    elements: Vec<Element>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure {
            elements: vec![Element {
                role: Role::Document,
                parent: None,
            }],
        }
    }
}

impl Structure {
    pub fn add(&mut self, parent: ElementId, role: Role) -> ElementId {
        let id = ElementId(self.elements.len() as u32);
        self.elements.push(Element {
            role,
            parent: Some(parent),
        });
        id
    }

    /// The elements from the `from`th on.
    pub fn since(&self, from: usize) -> &[Element] {
        &self.elements[from..]
    }

    /// Forgets every element after the first `len`: those of a layout that was measured
    /// and not chosen.
    pub fn truncate(&mut self, len: usize) {
        self.elements.truncate(len.max(1));
    }

    pub fn get(&self, id: ElementId) -> &Element {
        &self.elements[id.index()]
    }

    pub fn len(&self) -> usize {
        self.elements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// Every element with its id, parents before their children.
    pub fn iter(&self) -> impl Iterator<Item = (ElementId, &Element)> {
        (0..).map(ElementId).zip(&self.elements)
    }

    /// `id` and its ancestors, the document last.
    pub fn lineage(&self, id: ElementId) -> impl Iterator<Item = ElementId> + '_ {
        std::iter::successors(Some(id), |&id| self.get(id).parent)
    }
}

/// What a drawn item is to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Content of this element.
    Content(ElementId),
    /// Not content: decoration, or what repeats on every page.
    Artifact(Artifact),
}

/// The kinds of artifact PDF 1.7 names (ISO 32000-1, 14.8.2.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Artifact {
    /// Rules, fills, borders and frames.
    Layout,
    /// The running header, and a box's heading repeated where the box goes on.
    Header,
    /// The footer and the page number.
    Footer,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lineage_runs_from_an_element_to_the_document() {
        let mut structure = Structure::default();
        let list = structure.add(ElementId::DOCUMENT, Role::List { numbered: true });
        let item = structure.add(list, Role::ListItem);
        let label = structure.add(item, Role::Label);
        let lineage: Vec<ElementId> = structure.lineage(label).collect();
        assert_eq!(lineage, [label, item, list, ElementId::DOCUMENT]);
        assert_eq!(structure.get(list).role.name(), "L");
    }
}
