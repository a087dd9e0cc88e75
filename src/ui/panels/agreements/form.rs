//! What every part of the agreement editor shares: the [`Form`] that gathers the frame's changes
//! of one agreement into one edit (a gesture edit while a number is dragged), and the fields it
//! is built from: text and number fields backed by [`Drafts`] keyed by what they edit, dragged
//! numbers keyed the same way, combo boxes. Every field has an accessible name that says which
//! party, phase or cost it belongs to.

use crate::document::Document;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Agreement, AgreementId, NodeId, Party, Phase, PhaseId, Project};
use crate::ui::state::Queue;
use crate::ui::theme;
use crate::ui::widgets::draft::{DraftKey, Drafts};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A change of the agreement being edited.
type Change = Box<dyn FnOnce(&mut Agreement)>;

/// The agreement shown in the editor and the changes the user made to it this frame.
pub(super) struct Form<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    /// The agreement as the document has it.
    pub a: &'a Agreement,
    pub drafts: &'a mut Drafts,
    /// The party (of which agreement) whose removal waits for an answer about the coalition
    /// values naming it.
    pub removing: &'a mut Option<(AgreementId, NodeId)>,
    changes: Vec<Change>,
    /// Removals run after every other change, so the items other changes address by position
    /// (costs) are still where they were drawn.
    removals: Vec<Change>,
    /// The field whose drag made the changes, when a drag made all of them.
    gesture: Option<String>,
    plain: bool,
}

impl<'a> Form<'a> {
    pub fn new(
        doc: &'a Document,
        lang: Lang,
        a: &'a Agreement,
        drafts: &'a mut Drafts,
        removing: &'a mut Option<(AgreementId, NodeId)>,
    ) -> Self {
        Self {
            doc,
            lang,
            a,
            drafts,
            removing,
            changes: Vec::new(),
            removals: Vec::new(),
            gesture: None,
            plain: false,
        }
    }

    pub fn project(&self) -> &'a Project {
        &self.doc.project
    }

    /// `zh` or `en`, in the user's language.
    pub fn pick(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    /// The key of `field` of a part of the agreement (`party:SRC`, `phase:p1`; empty for the
    /// agreement itself).
    pub fn key(&self, part: &str, field: &str) -> DraftKey {
        if part.is_empty() {
            DraftKey::new(format!("agreement:{}", self.a.id), field)
        } else {
            DraftKey::new(format!("agreement:{}/{part}", self.a.id), field)
        }
    }

    /// A node's name for labels.
    pub fn name(&self, node: &NodeId) -> String {
        self.project().node_name(node)
    }

    /// A change made by a click, a choice or committed text: one undo step.
    pub fn change(&mut self, f: impl FnOnce(&mut Agreement) + 'static) {
        self.plain = true;
        self.changes.push(Box::new(f));
    }

    /// A change made by dragging the field `key`: the changes of one drag are one undo step.
    pub fn drag(&mut self, key: &DraftKey, f: impl FnOnce(&mut Agreement) + 'static) {
        self.gesture.get_or_insert_with(|| key.gesture());
        self.changes.push(Box::new(f));
    }

    /// Takes something out of the agreement, after the frame's other changes.
    pub fn remove(&mut self, f: impl FnOnce(&mut Agreement) + 'static) {
        self.plain = true;
        self.removals.push(Box::new(f));
    }

    /// A change of the party `node`.
    pub fn change_party(&mut self, node: &NodeId, f: impl FnOnce(&mut Party) + 'static) {
        let node = node.clone();
        self.change(move |a| {
            if let Some(p) = a.parties.iter_mut().find(|p| p.node == node) {
                f(p);
            }
        });
    }

    /// A change of the phase `id`, by a click or committed text, or by a drag of `drag`.
    pub fn change_phase(
        &mut self,
        id: &PhaseId,
        drag: Option<&DraftKey>,
        f: impl FnOnce(&mut Phase) + 'static,
    ) {
        let id = id.clone();
        let apply = move |a: &mut Agreement| {
            if let Some(p) = a.phases.iter_mut().find(|p| p.id == id) {
                f(p);
            }
        };
        match drag {
            Some(key) => self.drag(key, apply),
            None => self.change(apply),
        }
    }

    /// Queues the frame's changes as one edit of the agreement.
    pub fn finish(self, queue: &mut Queue) {
        if self.changes.is_empty() && self.removals.is_empty() {
            return;
        }
        let mut edited = self.a.clone();
        for f in self.changes.into_iter().chain(self.removals) {
            f(&mut edited);
        }
        if edited == *self.a {
            return;
        }
        match self.gesture.filter(|_| !self.plain) {
            Some(key) => queue.gesture_edits.push((Edit::SetAgreement(edited), key)),
            None => queue.edits.push(Edit::SetAgreement(edited)),
        }
    }
}

/// A one-line text field; the trimmed text when the user commits a change that is not empty.
pub(super) fn text_field(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    key: &DraftKey,
    value: &str,
    width: f32,
    name: &str,
) -> Option<String> {
    optional_text_field(ui, form, key, value, width, name).filter(|t| !t.is_empty())
}

/// A one-line text field that may be left empty; the trimmed text when the user commits a
/// change.
pub(super) fn optional_text_field(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    key: &DraftKey,
    value: &str,
    width: f32,
    name: &str,
) -> Option<String> {
    let r = form.drafts.field(ui, form.doc, key, value, |t, _| {
        t.desired_width(width).min_size(egui::vec2(width, 0.0))
    });
    r.response.accessible_name(name);
    r.committed
        .map(|t| t.trim().to_owned())
        .filter(|t| t != value)
}

/// A multi-line text field; the trimmed text when the user commits a change (empty allowed).
pub(super) fn note_field(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    key: &DraftKey,
    value: &str,
    name: &str,
) -> Option<String> {
    let r = form
        .drafts
        .field_of(ui, form.doc, key, value, 2, |t, _| t.desired_width(220.0));
    r.response.accessible_name(name);
    r.committed
        .map(|t| t.trim().to_owned())
        .filter(|t| t != value)
}

/// A text field for a number; when the user commits a change, the new value (`None` for an
/// emptied field). Text that is not a number shows in red and is dropped.
pub(super) fn number_field<T: FromStr + ToString + PartialEq + Copy>(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    key: &DraftKey,
    current: Option<T>,
    width: f32,
    name: &str,
) -> Option<Option<T>> {
    let parse = |t: &str| -> Option<Option<T>> {
        let t = t.trim();
        if t.is_empty() {
            Some(None)
        } else {
            T::from_str(t).ok().map(Some)
        }
    };
    let shown = current.map(|v| v.to_string()).unwrap_or_default();
    let r = form.drafts.field(ui, form.doc, key, &shown, |t, text| {
        t.desired_width(width)
            .min_size(egui::vec2(width, 0.0))
            .text_color_opt(parse(text).is_none().then_some(theme::ERROR))
    });
    let hint = form.pick("输入数字后按回车", "type a number and press Enter");
    r.response.on_hover_text(hint).accessible_name(name);
    r.committed
        .and_then(|t| parse(&t))
        .filter(|v| *v != current)
}

/// An exact amount or percentage that must be given; its new value when committed.
pub(super) fn decimal_field(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    key: &DraftKey,
    current: Decimal,
    width: f32,
    name: &str,
) -> Option<Decimal> {
    number_field(ui, form, key, Some(current), width, name).flatten()
}

/// A number changed by dragging (or typed after a click); the new value while it changes.
/// Its widget id follows `key`, so a drag survives rows above it appearing or going.
pub(super) fn drag_field<T: egui::emath::Numeric>(
    ui: &mut egui::Ui,
    key: &DraftKey,
    value: T,
    range: std::ops::RangeInclusive<T>,
    name: &str,
) -> Option<T> {
    let mut v = value;
    // A scope id of its own: a relative one would change with every label added above.
    let scope = egui::UiBuilder::new().scope_id(key.widget_id().with("drag"));
    let changed = ui
        .scope_builder(scope, |ui| {
            ui.add(egui::DragValue::new(&mut v).range(range))
                .accessible_name(name)
                .changed()
        })
        .inner;
    (changed && v != value).then_some(v)
}

/// A combo box of `options`; the option chosen, when it differs from `current`.
pub(super) fn combo<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: &T,
    options: &[T],
    label: impl Fn(&T) -> String,
    width: f32,
    name: &str,
) -> Option<T> {
    let mut chosen = None;
    egui::ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .width(width)
        .show_ui(ui, |ui| {
            for o in options {
                if ui.selectable_label(o == current, label(o)).clicked() && o != current {
                    chosen = Some(o.clone());
                }
            }
        })
        .response
        .accessible_name(name);
    chosen
}

/// `label · item`, the accessible name of a field of one item.
pub(super) fn field_name(label: &str, item: &str) -> String {
    format!("{label} · {item}")
}
