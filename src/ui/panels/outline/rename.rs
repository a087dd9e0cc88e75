//! Renaming in place: a text field standing in for a row's label (or a lane's header) that
//! takes the keyboard with its text selected, commits on Enter or when left, and cancels on
//! Escape.

use super::structure::Renaming;
use egui::text::{CCursor, CCursorRange};

/// How a rename field ended this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum RenameEnd {
    /// Enter, or the field was left: apply the text.
    Commit(Renaming),
    /// Escape: keep the old name.
    Cancel,
}

/// Draws the field for `renaming` at `width`; returns how it ended, if it did.
pub fn rename_field(
    ui: &mut egui::Ui,
    renaming: &mut Renaming,
    width: f32,
    label: &str,
) -> Option<RenameEnd> {
    let id = ui.make_persistent_id(("rename", format!("{:?}", renaming.item)));
    let edit = egui::TextEdit::singleline(&mut renaming.text)
        .id(id)
        .desired_width(width)
        .hint_text(label)
        .margin(egui::vec2(4.0, 1.0));
    let response = ui.add(edit);
    if renaming.fresh {
        renaming.fresh = false;
        select_all(ui.ctx(), id, &renaming.text);
        response.request_focus();
        response.scroll_to_me(None);
        return None;
    }
    if response.lost_focus() {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            return Some(RenameEnd::Cancel);
        }
        return Some(RenameEnd::Commit(renaming.clone()));
    }
    if !response.has_focus() {
        // Focus went elsewhere before the field ever had it (another field asked first).
        return Some(RenameEnd::Commit(renaming.clone()));
    }
    None
}

/// Selects the whole text of the text field `id`, so typing replaces it.
pub fn select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let end = CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(CCursorRange::two(CCursor::new(0), end)));
    state.store(ctx, id);
}
