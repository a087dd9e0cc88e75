//! The inspector: every field of the selected node or link, edited in place, or the project's
//! summary when nothing is selected. Text commits on Enter or focus loss, choices at once; the
//! changes of one frame are one edit (one undo step), and a drag of a number is one undo step
//! however long it lasts. Problems of the selected item are shown inline.
//!
//! The text being typed lives in the panel's [`Drafts`], keyed by item and field, so it never
//! moves to another item and an undo shows at once in a field that is not being typed into.

mod figures;
mod link;
mod many;
pub mod node;
mod project;
mod region;
mod stage;

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Issue, Link, Node, Severity, Stage};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use crate::ui::widgets::draft::{DraftKey, Drafts};

/// The inspector panel and what it keeps between frames.
#[derive(Debug, Default)]
pub struct InspectorPanel {
    drafts: Drafts,
    /// What was shown last frame ("node:E1", "link:L2" …): drafts belong to it.
    shown: String,
    /// The year being typed into "Add year", for the item shown.
    new_year: String,
}

impl InspectorPanel {
    /// Draws the inspector for the current selection.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        state: &mut UiState,
        queue: &mut Queue,
    ) {
        let lang = cx.lang;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(lang.pick("属性", "Inspector"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let hint = lang.pick(
                    "收起为窄条,把宽度让给地图",
                    "Fold to a strip, giving the map the width",
                );
                let label = lang.pick("收起属性面板", "Fold the inspector");
                if super::strip::fold_button(ui, "»", hint, label) {
                    state.settings.show_inspector = false;
                }
            });
        });
        ui.separator();
        let project = cx.project();
        let nodes: Vec<&Node> = state
            .selection
            .nodes
            .iter()
            .filter_map(|id| project.nodes.get(id))
            .collect();
        let links: Vec<&Link> = state
            .selection
            .links
            .iter()
            .filter_map(|id| project.links.get(id))
            .collect();
        // A stage shows while no node or link is selected; selecting one lets go of it.
        if !nodes.is_empty() || !links.is_empty() {
            state.selection.stage = None;
        }
        let stage = state
            .selection
            .stage
            .as_ref()
            .and_then(|id| project.stage(id));
        let shown = match (nodes.as_slice(), links.as_slice(), stage) {
            ([node], [], _) => format!("node:{}", node.id),
            ([], [link], _) => format!("link:{}", link.id),
            ([], [], Some((_, stage))) => format!("stage:{}", stage.id),
            _ => String::new(),
        };
        if shown != self.shown {
            // Typed text belongs to the item it was typed for, never to the next one shown.
            self.drafts.clear();
            self.new_year.clear();
            self.shown = shown;
        }
        let mut form = Form {
            doc: cx.doc,
            lang,
            drafts: &mut self.drafts,
            refused: None,
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match (nodes.as_slice(), links.as_slice()) {
                ([node], []) => {
                    show_issues(ui, cx.issues, &format!("nodes/{}", node.id), lang);
                    node::node_ui(ui, &mut form, node, &mut self.new_year, queue);
                }
                ([], [link]) => {
                    show_issues(ui, cx.issues, &format!("links/{}", link.id), lang);
                    link::link_ui(ui, &mut form, link, queue);
                    link::agreements_of_link_ui(ui, project, link, queue, lang);
                }
                ([], []) => match stage {
                    Some((chain, stage)) => {
                        show_issues(
                            ui,
                            cx.issues,
                            &format!("chains/{}/stages/{}", chain.id, stage.id),
                            lang,
                        );
                        stage::stage_ui(ui, &mut form, chain, stage, state, queue)
                    }
                    None => project::project_ui(ui, cx, queue),
                },
                _ if !nodes.is_empty() => {
                    many::many_ui(ui, project, &nodes, links.len(), queue, lang)
                }
                _ => {
                    ui.label(format!(
                        "{} {}",
                        lang.pick("已选连线", "Links selected:"),
                        links.len()
                    ));
                }
            });
        if let Some(message) = form.refused {
            state.error(message);
        }
    }
}

/// What the inspector's fields draw with in one frame: the document, the language and the
/// drafts, and a typed text that was refused on commit (told in the status bar, since the
/// field goes back to the document's value).
struct Form<'a> {
    doc: &'a Document,
    lang: Lang,
    drafts: &'a mut Drafts,
    refused: Option<String>,
}

impl Form<'_> {
    /// A labelled text row of a grid with `rows` lines. Returns what `parse` makes of the text
    /// the user committed; while typing, text `parse` refuses is shown red with its message.
    fn text<T>(
        &mut self,
        ui: &mut egui::Ui,
        key: &DraftKey,
        label: &str,
        value: &str,
        rows: usize,
        parse: impl Fn(&str) -> Result<T, &'static str>,
    ) -> Option<T> {
        let label_id = row_label(ui, label).id;
        // Only typed text can be wrong: what the document holds is shown as it is.
        let typing = self.drafts.get(key, self.doc).is_some();
        let field = self
            .drafts
            .field_of(ui, self.doc, key, value, rows, |t, shown| {
                let bad = typing && parse(shown).is_err();
                t.desired_width(f32::INFINITY)
                    .text_color_opt(bad.then_some(theme::ERROR))
            });
        let focused = field.response.labelled_by(label_id).has_focus();
        ui.end_row();
        if focused && let Err(message) = parse(&field.shown) {
            ui.label("");
            ui.colored_label(theme::ERROR, message);
            ui.end_row();
        }
        let committed = field.committed?;
        match parse(&committed) {
            Ok(value) => Some(value),
            Err(message) => {
                self.refused = Some(format!("{label}: “{committed}” — {message}"));
                None
            }
        }
    }

    /// A labelled text row whose text is taken as typed.
    fn plain(
        &mut self,
        ui: &mut egui::Ui,
        key: &DraftKey,
        label: &str,
        value: &str,
        rows: usize,
    ) -> Option<String> {
        self.text(ui, key, label, value, rows, |t| Ok(t.to_owned()))
    }
}

/// The label of a grid row, wrapped at under half the panel: a long English label ("Farmers
/// linked (households)") would otherwise widen the first column until the fields beside it run
/// off the panel's edge.
fn row_label(ui: &mut egui::Ui, label: &str) -> egui::Response {
    let max = (ui.clip_rect().width() * 0.45).max(60.0);
    ui.scope(|ui| {
        ui.set_max_width(max);
        ui.add(egui::Label::new(label).wrap())
    })
    .inner
}

fn show_issues(ui: &mut egui::Ui, issues: &[Issue], place: &str, lang: Lang) {
    let inside = format!("{place}/");
    for issue in issues
        .iter()
        .filter(|i| i.place == place || i.place.starts_with(&inside))
    {
        ui.colored_label(
            severity_colour(issue.severity),
            format!("⚠ {}", issue.message(lang)),
        );
    }
}

fn severity_colour(severity: Severity) -> egui::Color32 {
    match severity {
        Severity::Error => theme::ERROR,
        Severity::Warning => theme::WARNING,
    }
}

/// A labelled drop-down row of a grid.
struct Choice<'a, T> {
    id: &'a str,
    label: &'a str,
    current: Option<T>,
    options: &'a [T],
    /// The entry that clears the choice, when there is one.
    none: Option<&'a str>,
    /// Shown instead of the current choice (e.g. "(mixed)" when several nodes differ).
    text: Option<String>,
}

impl<'a, T: PartialEq + Copy> Choice<'a, T> {
    fn new(id: &'a str, label: &'a str, current: Option<T>, options: &'a [T]) -> Self {
        Self {
            id,
            label,
            current,
            options,
            none: None,
            text: None,
        }
    }

    fn or_none(self, none: &'a str) -> Self {
        Self {
            none: Some(none),
            ..self
        }
    }

    fn showing(self, text: String) -> Self {
        Self {
            text: Some(text),
            ..self
        }
    }

    /// Draws the row; returns the new choice (`Some(None)`: cleared) when the user made one.
    fn show(self, ui: &mut egui::Ui, name: impl Fn(T) -> String) -> Option<Option<T>> {
        let Self {
            id,
            label,
            current,
            options,
            none,
            text,
        } = self;
        let text = text.unwrap_or_else(|| {
            current
                .map(&name)
                .unwrap_or_else(|| none.unwrap_or("—").to_owned())
        });
        let label_id = row_label(ui, label).id;
        let mut chosen = None;
        let resp = egui::ComboBox::from_id_salt(id)
            .selected_text(text)
            .width(ui.available_width().min(220.0))
            .show_ui(ui, |ui| {
                if let Some(none) = none
                    && ui.selectable_label(current.is_none(), none).clicked()
                {
                    chosen = Some(None);
                }
                for o in options {
                    if ui.selectable_label(current == Some(*o), name(*o)).clicked() {
                        chosen = Some(Some(*o));
                    }
                }
            });
        resp.response.labelled_by(label_id);
        ui.end_row();
        chosen.filter(|c| *c != current)
    }
}

/// A stage as a choice: id and name in the UI language, cut so the combo box stays narrow.
fn stage_label(stage: &Stage, lang: Lang) -> String {
    let name = match lang {
        Lang::En if !stage.name_en.is_empty() => &stage.name_en,
        _ => &stage.name,
    };
    let short: String = name.chars().take(16).collect();
    let ellipsis = if name.chars().count() > 16 { "…" } else { "" };
    format!("{} {short}{ellipsis}", stage.id)
}
