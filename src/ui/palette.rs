//! The command palette (Ctrl+K, Ctrl+Shift+P): one box that finds every command, firm, stage,
//! agreement and saved view by Chinese, English or pinyin. Enter runs the command or selects
//! and frames the item. The names are indexed once per document revision ([`NameIndex`]), which
//! the outline search uses too.

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{AgreementId, NodeId, StageId, ViewId};
use crate::search::SearchKey;
use crate::ui::command::{AppCommand, CommandState, Mode, keys::keys_text};
use crate::ui::state::{Queue, UiAction};
use egui::{Key, RichText};

/// Something the palette can find.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Command(AppCommand),
    Node(NodeId),
    Stage(StageId),
    Agreement(AgreementId),
    View(ViewId),
}

struct Entry {
    target: Target,
    label: String,
    /// What kind of thing it is, shown on the right.
    kind: &'static str,
    key: SearchKey,
}

/// The project's names prepared for search, rebuilt when the document or language changes.
#[derive(Default)]
pub struct NameIndex {
    source: Option<(u64, u64, Lang)>,
    entries: Vec<Entry>,
    /// The last query's matches (entry index, score): a query is scored against every name
    /// once, not on every frame it stays typed.
    last: std::cell::RefCell<Option<QueryHits>>,
}

/// A query and the entries it found: (index, score).
type QueryHits = (String, Vec<(usize, u32)>);

impl NameIndex {
    /// Brings the index up to the document's revision.
    pub fn refresh(&mut self, doc: &Document, lang: Lang) {
        let source = (doc.id(), doc.revision(), lang);
        if self.source == Some(source) {
            return;
        }
        let p = &doc.project;
        let mut entries = Vec::with_capacity(p.nodes.len() + 64);
        for node in p.nodes.values() {
            // The id too, so a firm can be found by its code in the statistics list.
            let text = format!("{} {}", node.name, node.id);
            entries.push(Entry {
                target: Target::Node(node.id.clone()),
                label: node.name.clone(),
                kind: node.kind.label(lang),
                key: SearchKey::new(&text),
            });
        }
        for (_, stage) in p.stages() {
            let label = match lang {
                Lang::En if !stage.name_en.is_empty() => stage.name_en.clone(),
                _ => stage.name.clone(),
            };
            entries.push(Entry {
                target: Target::Stage(stage.id.clone()),
                key: SearchKey::new(&format!("{} {} {}", stage.name, stage.name_en, stage.id)),
                label,
                kind: lang.pick("环节", "Stage"),
            });
        }
        for a in p.agreements.values() {
            entries.push(Entry {
                target: Target::Agreement(a.id.clone()),
                key: SearchKey::new(&a.name),
                label: a.name.clone(),
                kind: lang.pick("协议", "Agreement"),
            });
        }
        for v in p.views.values() {
            entries.push(Entry {
                target: Target::View(v.id.clone()),
                key: SearchKey::new(&v.name),
                label: v.name.clone(),
                kind: lang.pick("视图", "View"),
            });
        }
        self.entries = entries;
        self.source = Some(source);
        self.last.replace(None);
    }

    /// Calls `f` with the entries `query` finds (index, score), scored once per query.
    fn with_hits<R>(&self, query: &str, f: impl FnOnce(&[(usize, u32)]) -> R) -> R {
        let mut last = self.last.borrow_mut();
        if last.as_ref().is_none_or(|(q, _)| q != query) {
            let hits = self
                .entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| e.key.score(query).map(|s| (i, s)))
                .collect();
            *last = Some((query.to_owned(), hits));
        }
        f(last.as_ref().map_or(&[], |(_, hits)| hits.as_slice()))
    }

    /// The nodes `query` finds (for the outline filter).
    pub fn matching_nodes(&self, query: &str) -> std::collections::BTreeSet<NodeId> {
        self.with_hits(query, |hits| {
            hits.iter()
                .filter_map(|(i, _)| match &self.entries[*i].target {
                    Target::Node(id) => Some(id.clone()),
                    _ => None,
                })
                .collect()
        })
    }
}

/// The palette's own state: open or not, what is typed, which row is chosen.
#[derive(Default)]
pub struct Palette {
    pub open: bool,
    query: String,
    chosen: usize,
    /// Frames drawn since it opened: the click that opened it (a menu item) is not a click
    /// elsewhere.
    frames_open: u32,
    /// Command search keys in the language they were built for.
    commands: Option<(Lang, Vec<(AppCommand, SearchKey)>)>,
}

/// How many rows the palette lists.
const ROWS: usize = 12;

impl Palette {
    pub fn show(&mut self) {
        self.open = true;
        self.query.clear();
        self.chosen = 0;
        self.frames_open = 0;
    }

    /// The best matches for the current query: commands first when tied.
    fn results(
        &mut self,
        index: &NameIndex,
        state: &dyn CommandState,
        lang: Lang,
    ) -> Vec<(Target, String, String)> {
        let commands = match &self.commands {
            Some((l, list)) if *l == lang => list,
            _ => {
                let list = AppCommand::all()
                    .into_iter()
                    .filter(|c| !c.is_presentation())
                    .map(|c| {
                        // Both languages, so an English word finds a command in the Chinese UI.
                        let text = format!(
                            "{} {} {} {}",
                            c.label(lang),
                            c.label(Lang::En),
                            c.tooltip(Lang::Zh),
                            c.tooltip(Lang::En)
                        );
                        (c, SearchKey::new(&text))
                    })
                    .collect();
                &self.commands.insert((lang, list)).1
            }
        };
        let q = self.query.trim();
        let mut hits: Vec<(u32, u8, Target, String, String)> = Vec::new();
        for (c, key) in commands {
            if !state.enabled(*c) {
                continue;
            }
            if let Some(score) = key.score(q) {
                hits.push((score, 1, Target::Command(*c), c.label(lang), String::new()));
            }
        }
        if !q.is_empty() {
            index.with_hits(q, |found| {
                for (i, score) in found {
                    let e = &index.entries[*i];
                    hits.push((
                        *score,
                        0,
                        e.target.clone(),
                        e.label.clone(),
                        e.kind.to_owned(),
                    ));
                }
            });
        }
        // Best first; among equals commands before items, each in its own order (menu order,
        // the project's order), which a stable sort keeps.
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        hits.truncate(ROWS * 4);
        hits.into_iter().map(|(_, _, t, l, k)| (t, l, k)).collect()
    }

    /// Draws the palette when open; what the user picks goes into the queue.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        index: &NameIndex,
        state: &dyn CommandState,
        lang: Lang,
        queue: &mut Queue,
    ) {
        if !self.open {
            return;
        }
        let results = self.results(index, state, lang);
        let (down, up, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        if down {
            self.chosen = (self.chosen + 1).min(results.len().saturating_sub(1));
        }
        if up {
            self.chosen = self.chosen.saturating_sub(1);
        }
        let mut picked = enter
            .then(|| results.get(self.chosen).map(|r| r.0.clone()))
            .flatten();
        let width = (ctx.content_rect().width() * 0.5).clamp(360.0, 640.0);
        let area = egui::Area::new(egui::Id::unique("palette"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        ui.set_width(width);
                        let hint = lang.pick(
                            "输入命令、企业、环节、协议或视图(中文、英文或拼音,如 zsme)",
                            "Type a command, firm, stage, agreement or view (name or pinyin)",
                        );
                        let before = self.query.clone();
                        let edit = ui.add(
                            egui::TextEdit::singleline(&mut self.query)
                                .id(egui::Id::unique("palette-query"))
                                .hint_text(hint)
                                .desired_width(f32::INFINITY),
                        );
                        edit.request_focus();
                        if self.query != before {
                            self.chosen = 0;
                        }
                        ui.separator();
                        if results.is_empty() {
                            ui.weak(lang.pick("没有找到", "Nothing found"));
                        }
                        let first = self.chosen.saturating_sub(ROWS - 1);
                        for (i, (target, label, kind)) in
                            results.iter().enumerate().skip(first).take(ROWS)
                        {
                            let right = match target {
                                Target::Command(c) => keys_text(ctx, *c, Mode::Editor),
                                _ => kind.clone(),
                            };
                            let row = ui.horizontal(|ui| {
                                let r = ui.selectable_label(i == self.chosen, label);
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        ui.label(RichText::new(right).weak());
                                    },
                                );
                                r
                            });
                            if row.inner.clicked() {
                                picked = Some(target.clone());
                            }
                        }
                    });
            });
        // Escape, or a click anywhere else, puts it away.
        let clicked_away = self.frames_open > 1 && area.response.clicked_elsewhere();
        self.frames_open = self.frames_open.saturating_add(1);
        if escape || clicked_away {
            self.open = false;
        }
        if let Some(target) = picked {
            self.open = false;
            match target {
                Target::Command(c) => queue.commands.push(c),
                Target::Node(id) => queue.actions.push(UiAction::ShowNode(id)),
                Target::Stage(id) => queue.actions.push(UiAction::ShowStage(id)),
                Target::Agreement(id) => queue.actions.push(UiAction::ShowAgreement(id)),
                Target::View(id) => queue.actions.push(UiAction::ShowView(id)),
            }
        }
    }
}
