//! Text being typed into a field of the project, before it is committed.
//!
//! A draft is keyed by what it edits — (item id, field) — never by a row index, so deleting a
//! party or a phase cannot move typed text onto another row. It lives only while its field
//! has the keyboard, and it is dropped when the document changes from outside the field (undo,
//! redo, another panel's edit, an import): an unfocused field always shows the document's
//! value. Enter or leaving the field commits; Escape throws the draft away.

use crate::document::Document;
use std::collections::BTreeMap;

/// What a draft edits: an item of the project (its id, or a path such as
/// `agreement:a1/party:n3`) and one of its fields.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DraftKey {
    pub item: String,
    pub field: String,
}

impl DraftKey {
    pub fn new(item: impl Into<String>, field: impl Into<String>) -> Self {
        Self {
            item: item.into(),
            field: field.into(),
        }
    }

    /// The egui id of the field's widget, so its cursor and focus follow the item, not the row.
    pub fn widget_id(&self) -> egui::Id {
        egui::Id::unique(("draft", &self.item, &self.field))
    }

    /// The undo-merge key of edits made through this field.
    pub fn gesture(&self) -> String {
        format!("{}/{}", self.item, self.field)
    }
}

/// The text of one field being typed into, and the document state it was taken from.
#[derive(Debug, Clone)]
struct Draft {
    text: String,
    source: (u64, u64),
}

/// The drafts of one panel.
#[derive(Debug, Default)]
pub struct Drafts {
    drafts: BTreeMap<DraftKey, Draft>,
}

/// What a draft field reports after drawing.
pub struct DraftResponse {
    pub response: egui::Response,
    /// The text the user committed (Enter or leaving the field), when it differs from the
    /// document's value.
    pub committed: Option<String>,
    /// The text shown now (the draft while typing, else the document's value).
    pub shown: String,
}

impl Drafts {
    /// The draft of `key`, if one is being typed and still belongs to this document state.
    pub fn get(&self, key: &DraftKey, doc: &Document) -> Option<&str> {
        self.drafts
            .get(key)
            .filter(|d| d.source == source(doc))
            .map(|d| d.text.as_str())
    }

    /// Whether any field of `item` holds typed text.
    pub fn is_editing(&self, item: &str) -> bool {
        self.drafts.keys().any(|k| k.item == item)
    }

    /// Drops every draft (a different document, a different item shown).
    pub fn clear(&mut self) {
        self.drafts.clear();
    }

    /// Draws a single-line field for `key` showing `value` from the document. `style` adjusts
    /// the `TextEdit` (width, hint, colour) given the text shown.
    pub fn field(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        key: &DraftKey,
        value: &str,
        style: impl for<'t> FnOnce(egui::TextEdit<'t>, &str) -> egui::TextEdit<'t>,
    ) -> DraftResponse {
        self.field_of(ui, doc, key, value, 1, style)
    }

    /// Like [`Drafts::field`], with `rows` lines (more than one: Enter starts a new line and
    /// the text is committed when the field is left).
    pub fn field_of(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        key: &DraftKey,
        value: &str,
        rows: usize,
        style: impl for<'t> FnOnce(egui::TextEdit<'t>, &str) -> egui::TextEdit<'t>,
    ) -> DraftResponse {
        let now = source(doc);
        // A draft from another document state is stale: the document changed under it.
        if self.drafts.get(key).is_some_and(|d| d.source != now) {
            self.drafts.remove(key);
        }
        let mut text = self
            .drafts
            .get(key)
            .map_or_else(|| value.to_owned(), |d| d.text.clone());
        let shown_before = text.clone();
        let edit = if rows > 1 {
            egui::TextEdit::multiline(&mut text).desired_rows(rows)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let edit = style(edit.id(key.widget_id()), &shown_before);
        let response = ui.add(edit);
        let escaped = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
        let mut committed = None;
        if response.lost_focus() {
            self.drafts.remove(key);
            if !escaped && text != value {
                committed = Some(text.clone());
            }
        } else if response.has_focus() {
            self.drafts.insert(
                key.clone(),
                Draft {
                    text: text.clone(),
                    source: now,
                },
            );
        } else {
            self.drafts.remove(key);
        }
        let shown = if escaped { value.to_owned() } else { text };
        DraftResponse {
            response,
            committed,
            shown,
        }
    }
}

fn source(doc: &Document) -> (u64, u64) {
    (doc.id(), doc.revision())
}
