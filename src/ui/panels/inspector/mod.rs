//! The inspector: every field of the selected node or link, edited in place. Text commits on
//! Enter or focus loss, choices at once; each commit is one edit (one undo step). Problems of the
//! selected item are shown inline.

use crate::document::Document;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::validate::link_endpoints_ok;
use crate::model::{
    Figures, Issue, Link, LinkKind, Node, NodeId, NodeKind, ParkLevel, Project, RegionLevel,
    SrdiTier, StageId, TownClass, Year,
};
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

/// Text being typed into fields, kept until committed so a half-typed number is not lost.
#[derive(Debug, Default)]
pub struct InspectorState {
    /// The item and document revision the drafts were taken from.
    source: Option<(String, u64)>,
    texts: BTreeMap<String, String>,
    new_year: String,
    /// The field being typed into, whose text survives changes made elsewhere (a drag).
    focused: Option<String>,
}

impl InspectorState {
    /// Fresh drafts for a new item; for the same item after a change (undo, a drag), fresh
    /// drafts for every field but the one being typed into.
    fn sync(&mut self, key: String, revision: u64) {
        match &self.source {
            Some((k, r)) if *k == key && *r == revision => {}
            Some((k, _)) if *k == key => {
                let focused = self.focused.clone();
                self.texts
                    .retain(|field, _| Some(field) == focused.as_ref());
                self.source = Some((key, revision));
            }
            _ => {
                self.texts.clear();
                self.focused = None;
                self.source = Some((key, revision));
            }
        }
    }

    /// A text field bound to `current`; returns the committed text when the user is done.
    fn text_field(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: &str,
        multiline: bool,
    ) -> Option<String> {
        let text = self
            .texts
            .entry(key.to_owned())
            .or_insert_with(|| current.to_owned());
        let label_id = ui.label(label).id;
        let edit = if multiline {
            egui::TextEdit::multiline(text).desired_rows(2)
        } else {
            egui::TextEdit::singleline(text)
        };
        let resp = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label_id);
        ui.end_row();
        if resp.has_focus() {
            self.focused = Some(key.to_owned());
        } else if self.focused.as_deref() == Some(key) {
            self.focused = None;
        }
        (resp.lost_focus() && text.as_str() != current).then(|| text.clone())
    }
}

pub fn inspector_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    issues: &[Issue],
    state: &mut UiState,
    inspector: &mut InspectorState,
    queue: &mut Queue,
) {
    let lang = state.lang();
    ui.add_space(4.0);
    ui.heading(lang.pick("属性", "Inspector"));
    ui.separator();
    let project = &doc.project;
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
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match (nodes.as_slice(), links.as_slice()) {
            ([node], []) => {
                inspector.sync(format!("node:{}", node.id), doc.revision());
                show_issues(ui, issues, &format!("nodes/{}", node.id), lang);
                node_ui(ui, project, node, inspector, queue, lang);
            }
            ([], [link]) => {
                inspector.sync(format!("link:{}", link.id), doc.revision());
                show_issues(ui, issues, &format!("links/{}", link.id), lang);
                link_ui(ui, project, link, inspector, queue, lang);
                agreements_of_link_ui(ui, project, link, state, lang);
            }
            ([], []) => {
                inspector.sync(String::new(), doc.revision());
                project_ui(ui, doc, issues, lang);
            }
            _ if !nodes.is_empty() => {
                inspector.sync(format!("nodes:{}", nodes.len()), doc.revision());
                many_ui(ui, project, &nodes, links.len(), queue, lang);
            }
            _ => {
                ui.label(format!(
                    "{} {}",
                    lang.pick("已选连线", "Links selected:"),
                    links.len()
                ));
            }
        });
}

fn show_issues(ui: &mut egui::Ui, issues: &[Issue], place: &str, lang: Lang) {
    for issue in issues
        .iter()
        .filter(|i| i.place == place || i.place.starts_with(&format!("{place}/")))
    {
        let colour = match issue.severity {
            crate::model::Severity::Error => theme::ERROR,
            crate::model::Severity::Warning => theme::WARNING,
        };
        ui.colored_label(colour, format!("⚠ {}", issue.message(lang)));
    }
}

fn project_ui(ui: &mut egui::Ui, doc: &Document, issues: &[Issue], lang: Lang) {
    let p = &doc.project;
    ui.label(egui::RichText::new(&p.meta.name).strong());
    if !p.meta.county.is_empty() {
        ui.label(&p.meta.county);
    }
    if !p.meta.description.is_empty() {
        ui.label(egui::RichText::new(&p.meta.description).weak());
    }
    ui.separator();
    egui::Grid::new("project-counts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label(lang.pick("产业链", "Chains"));
            ui.label(p.chains.len().to_string());
            ui.end_row();
            ui.label(lang.pick("环节", "Stages"));
            ui.label(p.stages().count().to_string());
            ui.end_row();
            for (kind, n) in p.node_counts() {
                ui.label(kind.label(lang));
                ui.label(n.to_string());
                ui.end_row();
            }
            for (kind, n) in p.link_counts() {
                ui.label(format!(
                    "{} {}",
                    kind.label(lang),
                    lang.pick("连线", "links")
                ));
                ui.label(n.to_string());
                ui.end_row();
            }
            ui.label(lang.pick("协议", "Agreements"));
            ui.label(p.agreements.len().to_string());
            ui.end_row();
        });
    ui.separator();
    if issues.is_empty() {
        ui.label(lang.pick("没有发现问题", "No problems found"));
    } else {
        ui.label(egui::RichText::new(lang.pick("问题", "Problems")).strong());
        for issue in issues {
            let colour = if issue.severity == crate::model::Severity::Error {
                theme::ERROR
            } else {
                theme::WARNING
            };
            ui.colored_label(colour, format!("{}: {}", issue.place, issue.message(lang)));
        }
    }
    ui.separator();
    ui.weak(lang.pick(
        "点击画布上的节点或连线查看和编辑属性。",
        "Click a node or link on the canvas to see and edit it.",
    ));
}

/// Merges one field change into the frame's pending edit. Every widget builds its change from
/// the node as it was at the start of the frame; merging field by field keeps two changes made in
/// the same frame (a name losing focus as a checkbox is clicked) from undoing each other, and
/// makes them one undo step.
fn commit(pending: &mut Option<Node>, original: &Node, new: Node) {
    let p = pending.get_or_insert_with(|| original.clone());
    macro_rules! take {
        ($($field:ident),*) => {
            $(if new.$field != original.$field {
                p.$field = new.$field.clone();
            })*
        };
    }
    take!(
        name,
        kind,
        stages,
        region,
        tags,
        srdi,
        park_level,
        region_level,
        town_class,
        position,
        pinned,
        note
    );
    for (year, figures) in &new.figures {
        if original.figures.get(year) != Some(figures) {
            p.figures.insert(*year, figures.clone());
        }
    }
    for year in original.figures.keys() {
        if !new.figures.contains_key(year) {
            p.figures.remove(year);
        }
    }
}

fn combo<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    current: Option<T>,
    options: &[T],
    none: Option<&str>,
    name: impl Fn(T) -> String,
) -> Option<Option<T>> {
    let text = current
        .map(&name)
        .unwrap_or_else(|| none.unwrap_or("—").to_owned());
    combo_with_text(ui, id, label, text, current, options, none, name)
}

/// A combo box showing `text` (e.g. "(mixed)" when several nodes differ).
#[allow(clippy::too_many_arguments)]
fn combo_with_text<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    text: String,
    current: Option<T>,
    options: &[T],
    none: Option<&str>,
    name: impl Fn(T) -> String,
) -> Option<Option<T>> {
    let label_id = ui.label(label).id;
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

fn node_ui(
    ui: &mut egui::Ui,
    project: &Project,
    node: &Node,
    inspector: &mut InspectorState,
    queue: &mut Queue,
    lang: Lang,
) {
    let mut pending: Option<Node> = None;
    egui::Grid::new("node-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(lang.pick("编号", "Id"));
            ui.monospace(node.id.as_str());
            ui.end_row();
            if let Some(name) =
                inspector.text_field(ui, "name", lang.pick("名称", "Name"), &node.name, false)
            {
                if name.trim().is_empty() {
                    inspector.texts.insert("name".into(), node.name.clone());
                } else {
                    commit(
                        &mut pending,
                        node,
                        Node {
                            name: name.trim().to_owned(),
                            ..node.clone()
                        },
                    );
                }
            }
            if let Some(Some(kind)) = combo(
                ui,
                "kind",
                lang.pick("类型", "Kind"),
                Some(node.kind),
                &NodeKind::ALL,
                None,
                |k| k.label(lang).to_owned(),
            ) {
                commit(
                    &mut pending,
                    node,
                    Node {
                        kind,
                        ..node.clone()
                    },
                );
            }
            if node.kind.is_enterprise_like() {
                let stages: Vec<(StageId, String)> = project
                    .stages()
                    .map(|(_, s)| (s.id.clone(), stage_label(s, lang)))
                    .collect();
                let indices: Vec<usize> = (0..stages.len()).collect();
                let current = node
                    .stages
                    .first()
                    .and_then(|s| stages.iter().position(|(id, _)| id == s));
                if let Some(choice) = combo(
                    ui,
                    "stage",
                    lang.pick("环节", "Stage"),
                    current,
                    &indices,
                    Some(lang.pick("(无)", "(none)")),
                    |i| stages[i].1.clone(),
                ) {
                    let mut n = node.clone();
                    n.stages.retain(|s| Some(s) != node.stages.first());
                    if let Some(i) = choice {
                        n.stages.retain(|s| *s != stages[i].0);
                        n.stages.insert(0, stages[i].0.clone());
                    }
                    commit(&mut pending, node, n);
                }
                if node.stages.len() > 1 {
                    ui.label(lang.pick("其他环节", "Other stages"));
                    ui.label(
                        node.stages[1..]
                            .iter()
                            .map(|s| s.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                    ui.end_row();
                }
            }
            let regions: Vec<&Node> = project
                .nodes
                .values()
                .filter(|n| n.kind == NodeKind::Region && n.id != node.id)
                .collect();
            let indices: Vec<usize> = (0..regions.len()).collect();
            let current = node
                .region
                .as_ref()
                .and_then(|r| regions.iter().position(|n| &n.id == r));
            if let Some(choice) = combo(
                ui,
                "region",
                lang.pick("所在地区", "Region"),
                current,
                &indices,
                Some(lang.pick("(无)", "(none)")),
                |i| regions[i].name.clone(),
            ) {
                commit(
                    &mut pending,
                    node,
                    Node {
                        region: choice.map(|i| regions[i].id.clone()),
                        ..node.clone()
                    },
                );
            }
            if let Some(tags) = inspector.text_field(
                ui,
                "tags",
                lang.pick("标签", "Tags"),
                &node.tags.join(", "),
                false,
            ) {
                let tags = tags
                    .split([',', ',', ';', ';'])
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect();
                commit(
                    &mut pending,
                    node,
                    Node {
                        tags,
                        ..node.clone()
                    },
                );
            }
            match node.kind {
                NodeKind::Park => {
                    if let Some(level) = combo(
                        ui,
                        "park-level",
                        lang.pick("园区级别", "Park level"),
                        node.park_level,
                        &ParkLevel::ALL,
                        Some("—"),
                        |l| l.label(lang).to_owned(),
                    ) {
                        commit(
                            &mut pending,
                            node,
                            Node {
                                park_level: level,
                                ..node.clone()
                            },
                        );
                    }
                }
                NodeKind::Region => {
                    if let Some(level) = combo(
                        ui,
                        "region-level",
                        lang.pick("行政级别", "Region level"),
                        node.region_level,
                        &RegionLevel::ALL,
                        Some("—"),
                        |l| l.label(lang).to_owned(),
                    ) {
                        commit(
                            &mut pending,
                            node,
                            Node {
                                region_level: level,
                                ..node.clone()
                            },
                        );
                    }
                    if let Some(class) = combo(
                        ui,
                        "town-class",
                        lang.pick("镇类别", "Town class"),
                        node.town_class,
                        &TownClass::ALL,
                        Some("—"),
                        |c| c.label(lang).to_owned(),
                    ) {
                        commit(
                            &mut pending,
                            node,
                            Node {
                                town_class: class,
                                ..node.clone()
                            },
                        );
                    }
                }
                _ => {
                    if let Some(tier) = combo(
                        ui,
                        "srdi",
                        lang.pick("专精特新", "SRDI tier"),
                        node.srdi,
                        &SrdiTier::ALL,
                        Some("—"),
                        |t| t.label(lang).to_owned(),
                    ) {
                        commit(
                            &mut pending,
                            node,
                            Node {
                                srdi: tier,
                                ..node.clone()
                            },
                        );
                    }
                }
            }
            ui.label(lang.pick("固定位置", "Pinned"));
            let mut pinned = node.pinned;
            if ui
                .checkbox(
                    &mut pinned,
                    lang.pick("布局时不移动", "layouts leave it in place"),
                )
                .changed()
            {
                commit(
                    &mut pending,
                    node,
                    Node {
                        pinned,
                        ..node.clone()
                    },
                );
            }
            ui.end_row();
            if let Some(note) =
                inspector.text_field(ui, "note", lang.pick("备注", "Note"), &node.note, true)
            {
                commit(
                    &mut pending,
                    node,
                    Node {
                        note,
                        ..node.clone()
                    },
                );
            }
        });
    if node.kind.is_enterprise_like() || node.kind == NodeKind::Park {
        ui.separator();
        figures_ui(ui, node, inspector, &mut pending, lang);
    }
    if let Some(changed) = pending.filter(|p| p != node) {
        queue.edits.push(Edit::SetNodes(vec![changed]));
    }
}

type FigureField = (
    &'static str,
    &'static str,
    &'static str,
    fn(&Figures) -> Option<String>,
    fn(&mut Figures, &str) -> Result<(), ()>,
);

fn dec(s: &str) -> Result<Option<Decimal>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let d = Decimal::from_str(s).map_err(|_| ())?;
    if d.is_sign_negative() && !d.is_zero() {
        Err(())
    } else {
        Ok(Some(d))
    }
}

fn int(s: &str) -> Result<Option<u32>, ()> {
    let s = s.trim();
    if s.is_empty() {
        Ok(None)
    } else {
        s.parse().map(Some).map_err(|_| ())
    }
}

const FIGURE_FIELDS: [FigureField; 8] = [
    (
        "output",
        "产值",
        "Output",
        |f| f.output.map(|d| d.to_string()),
        |f, s| {
            f.output = dec(s)?;
            Ok(())
        },
    ),
    (
        "tax",
        "税收",
        "Tax",
        |f| f.tax.map(|d| d.to_string()),
        |f, s| {
            f.tax = dec(s)?;
            Ok(())
        },
    ),
    (
        "value_added",
        "增加值",
        "Value added",
        |f| f.value_added.map(|d| d.to_string()),
        |f, s| {
            f.value_added = dec(s)?;
            Ok(())
        },
    ),
    (
        "investment",
        "投资",
        "Investment",
        |f| f.investment.map(|d| d.to_string()),
        |f, s| {
            f.investment = dec(s)?;
            Ok(())
        },
    ),
    (
        "profit",
        "利润",
        "Profit",
        |f| f.profit.map(|d| d.to_string()),
        |f, s| {
            f.profit = if s.trim().is_empty() {
                None
            } else {
                Some(Decimal::from_str(s.trim()).map_err(|_| ())?)
            };
            Ok(())
        },
    ),
    (
        "land_mu",
        "用地(亩)",
        "Land (mu)",
        |f| f.land_mu.map(|d| d.to_string()),
        |f, s| {
            f.land_mu = dec(s)?;
            Ok(())
        },
    ),
    (
        "employees",
        "从业人员",
        "Employees",
        |f| f.employees.map(|d| d.to_string()),
        |f, s| {
            f.employees = int(s)?;
            Ok(())
        },
    ),
    (
        "farmers_linked",
        "联农户数",
        "Farmers linked",
        |f| f.farmers_linked.map(|d| d.to_string()),
        |f, s| {
            f.farmers_linked = int(s)?;
            Ok(())
        },
    ),
];

fn figures_ui(
    ui: &mut egui::Ui,
    node: &Node,
    inspector: &mut InspectorState,
    pending: &mut Option<Node>,
    lang: Lang,
) {
    ui.label(
        egui::RichText::new(lang.pick("年度数据(万元)", "Yearly figures (10k yuan)")).strong(),
    );
    let years: Vec<Year> = node.figures.keys().rev().copied().collect();
    for (i, year) in years.iter().enumerate() {
        egui::CollapsingHeader::new(format!("{year}"))
            .id_salt(("year", *year))
            .default_open(i == 0)
            .show(ui, |ui| {
                egui::Grid::new(("figures", *year))
                    .num_columns(2)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        let figures = &node.figures[year];
                        for (key, zh, en, get, set) in FIGURE_FIELDS {
                            let field_key = format!("fig:{year}:{key}");
                            let current = get(figures).unwrap_or_default();
                            if let Some(text) = inspector.text_field(
                                ui,
                                &field_key,
                                lang.pick(zh, en),
                                &current,
                                false,
                            ) {
                                let mut f = figures.clone();
                                if set(&mut f, &text).is_ok() {
                                    let mut n = node.clone();
                                    n.figures.insert(*year, f);
                                    commit(pending, node, n);
                                }
                            }
                            if let Some(text) = inspector.texts.get(&field_key)
                                && set(&mut figures.clone(), text).is_err()
                            {
                                ui.label("");
                                ui.colored_label(
                                    theme::ERROR,
                                    lang.pick("请输入非负数字", "Enter a number, not negative"),
                                );
                                ui.end_row();
                            }
                        }
                    });
                if ui
                    .button(lang.pick("删除这一年", "Remove this year"))
                    .clicked()
                {
                    let mut n = node.clone();
                    n.figures.remove(year);
                    commit(pending, node, n);
                }
            });
    }
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("添加年份", "Add year")).id;
        ui.add(egui::TextEdit::singleline(&mut inspector.new_year).desired_width(60.0))
            .labelled_by(label);
        let parsed = inspector
            .new_year
            .trim()
            .parse::<Year>()
            .ok()
            .filter(|y| (1949..=2100).contains(y));
        if ui
            .add_enabled(
                parsed.is_some_and(|y| !node.figures.contains_key(&y)),
                egui::Button::new(lang.pick("添加", "Add")),
            )
            .clicked()
            && let Some(y) = parsed
        {
            let mut n = node.clone();
            n.figures.insert(y, Figures::default());
            commit(pending, node, n);
            inspector.new_year.clear();
        }
    });
}

fn link_ui(
    ui: &mut egui::Ui,
    project: &Project,
    link: &Link,
    inspector: &mut InspectorState,
    queue: &mut Queue,
    lang: Lang,
) {
    let name = |id: &NodeId| {
        project
            .nodes
            .get(id)
            .map(|n| n.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let (from_kind, to_kind) = (
        project.nodes.get(&link.from).map(|n| n.kind),
        project.nodes.get(&link.to).map(|n| n.kind),
    );
    egui::Grid::new("link-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(lang.pick("编号", "Id"));
            ui.monospace(link.id.as_str());
            ui.end_row();
            ui.label(lang.pick("从", "From"));
            ui.label(name(&link.from));
            ui.end_row();
            ui.label(lang.pick("到", "To"));
            ui.label(name(&link.to));
            ui.end_row();
            let allowed: Vec<LinkKind> = LinkKind::ALL
                .into_iter()
                .filter(|k| match (from_kind, to_kind) {
                    (Some(a), Some(b)) => link_endpoints_ok(*k, a, b),
                    _ => true,
                })
                .collect();
            if let Some(Some(kind)) = combo(
                ui,
                "link-kind",
                lang.pick("类型", "Kind"),
                Some(link.kind),
                &allowed,
                None,
                |k| k.label(lang).to_owned(),
            ) {
                queue.edits.push(Edit::SetLink(Link {
                    kind,
                    ..link.clone()
                }));
            }
            if link.kind == LinkKind::Supply
                && let Some(product) = inspector.text_field(
                    ui,
                    "product",
                    lang.pick("产品", "Product"),
                    &link.product,
                    false,
                )
            {
                queue.edits.push(Edit::SetLink(Link {
                    product: product.trim().to_owned(),
                    ..link.clone()
                }));
            }
            if matches!(link.kind, LinkKind::Supply | LinkKind::FarmerLinkage) {
                let current = link.value.map(|d| d.to_string()).unwrap_or_default();
                if let Some(text) = inspector.text_field(
                    ui,
                    "value",
                    lang.pick("年金额(万元)", "Value per year"),
                    &current,
                    false,
                ) && let Ok(value) = dec(&text)
                {
                    queue.edits.push(Edit::SetLink(Link {
                        value,
                        ..link.clone()
                    }));
                }
                if inspector
                    .texts
                    .get("value")
                    .is_some_and(|t| dec(t).is_err())
                {
                    ui.label("");
                    ui.colored_label(
                        theme::ERROR,
                        lang.pick("请输入非负数字", "Enter a number, not negative"),
                    );
                    ui.end_row();
                }
            }
            if link.kind == LinkKind::Investment {
                let current = link.equity_pct.map(|d| d.to_string()).unwrap_or_default();
                if let Some(text) = inspector.text_field(
                    ui,
                    "equity",
                    lang.pick("股权(%)", "Equity (%)"),
                    &current,
                    false,
                ) && let Ok(equity_pct) = dec(&text)
                    && equity_pct.is_none_or(|p| p <= Decimal::ONE_HUNDRED)
                {
                    queue.edits.push(Edit::SetLink(Link {
                        equity_pct,
                        ..link.clone()
                    }));
                }
                let bad = |t: &String| {
                    dec(t).map_or(true, |v| v.is_some_and(|p| p > Decimal::ONE_HUNDRED))
                };
                if inspector.texts.get("equity").is_some_and(bad) {
                    ui.label("");
                    ui.colored_label(
                        theme::ERROR,
                        lang.pick("请输入 0–100 之间的数字", "Enter a number from 0 to 100"),
                    );
                    ui.end_row();
                }
            }
            if let Some(note) =
                inspector.text_field(ui, "link-note", lang.pick("备注", "Note"), &link.note, true)
            {
                queue.edits.push(Edit::SetLink(Link {
                    note,
                    ..link.clone()
                }));
            }
        });
}

/// Common fields of several selected nodes.
fn many_ui(
    ui: &mut egui::Ui,
    project: &Project,
    nodes: &[&Node],
    links: usize,
    queue: &mut Queue,
    lang: Lang,
) {
    ui.label(match lang {
        Lang::Zh => format!("已选择 {} 个节点、{links} 条连线", nodes.len()),
        Lang::En => format!("{} nodes and {links} links selected", nodes.len()),
    });
    ui.weak(lang.pick(
        "修改将应用到全部所选节点",
        "Changes apply to every selected node",
    ));
    ui.separator();
    let same = |f: &dyn Fn(&Node) -> String| {
        nodes
            .iter()
            .map(|n| f(n))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            == 1
    };
    egui::Grid::new("many-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let kind = same(&|n| n.kind.code().to_owned()).then(|| nodes[0].kind);
            if let Some(Some(kind)) = combo(
                ui,
                "many-kind",
                lang.pick("类型", "Kind"),
                kind,
                &NodeKind::ALL,
                None,
                |k| k.label(lang).to_owned(),
            ) {
                queue.edits.push(Edit::SetNodes(
                    nodes
                        .iter()
                        .map(|n| Node {
                            kind,
                            ..(*n).clone()
                        })
                        .collect(),
                ));
            }
            let stages: Vec<(StageId, String)> = project
                .stages()
                .map(|(_, s)| (s.id.clone(), stage_label(s, lang)))
                .collect();
            let indices: Vec<usize> = (0..stages.len()).collect();
            let current = same(&|n| format!("{:?}", n.stages.first()))
                .then(|| {
                    nodes[0]
                        .stages
                        .first()
                        .and_then(|s| stages.iter().position(|(id, _)| id == s))
                })
                .flatten();
            if let Some(Some(i)) = combo(
                ui,
                "many-stage",
                lang.pick("环节", "Stage"),
                current,
                &indices,
                None,
                |i| stages[i].1.clone(),
            ) {
                queue.edits.push(Edit::SetNodes(
                    nodes
                        .iter()
                        .filter(|n| n.kind.is_enterprise_like())
                        .map(|n| {
                            let mut n = (*n).clone();
                            n.stages.retain(|s| *s != stages[i].0);
                            if n.stages.is_empty() {
                                n.stages.push(stages[i].0.clone())
                            } else {
                                n.stages[0] = stages[i].0.clone()
                            }
                            n
                        })
                        .collect(),
                ));
            }
            let regions: Vec<&Node> = project
                .nodes
                .values()
                .filter(|n| n.kind == NodeKind::Region)
                .collect();
            let indices: Vec<usize> = (0..regions.len()).collect();
            let current = same(&|n| format!("{:?}", n.region))
                .then(|| {
                    nodes[0]
                        .region
                        .as_ref()
                        .and_then(|r| regions.iter().position(|n| &n.id == r))
                })
                .flatten();
            let mixed = !same(&|n| format!("{:?}", n.region));
            let text = match (mixed, current) {
                (true, _) => lang.pick("(多个值)", "(mixed)").to_owned(),
                (false, Some(i)) => regions[i].name.clone(),
                (false, None) => lang.pick("(无)", "(none)").to_owned(),
            };
            if let Some(choice) = combo_with_text(
                ui,
                "many-region",
                lang.pick("所在地区", "Region"),
                text,
                current,
                &indices,
                Some(lang.pick("(无)", "(none)")),
                |i| regions[i].name.clone(),
            ) {
                let region = choice.map(|i| regions[i].id.clone());
                queue.edits.push(Edit::SetNodes(
                    nodes
                        .iter()
                        .filter(|n| Some(&n.id) != region.as_ref())
                        .map(|n| Node {
                            region: region.clone(),
                            ..(*n).clone()
                        })
                        .collect(),
                ));
            }
            ui.label(lang.pick("固定位置", "Pinned"));
            let all_pinned = nodes.iter().all(|n| n.pinned);
            let mut pinned = all_pinned;
            if ui
                .checkbox(
                    &mut pinned,
                    lang.pick("布局时不移动", "layouts leave them in place"),
                )
                .changed()
            {
                queue.edits.push(Edit::SetNodes(
                    nodes
                        .iter()
                        .map(|n| Node {
                            pinned,
                            ..(*n).clone()
                        })
                        .collect(),
                ));
            }
            ui.end_row();
        });
}

/// A stage as a choice: id and name in the UI language, cut so the combo box stays narrow.
fn stage_label(stage: &crate::model::Stage, lang: Lang) -> String {
    let name = match lang {
        Lang::En if !stage.name_en.is_empty() => &stage.name_en,
        _ => &stage.name,
    };
    let short: String = name.chars().take(16).collect();
    let ellipsis = if name.chars().count() > 16 { "…" } else { "" };
    format!("{} {short}{ellipsis}", stage.id)
}

/// An enclave link opens the agreements between its source region and its park.
fn agreements_of_link_ui(
    ui: &mut egui::Ui,
    project: &Project,
    link: &Link,
    state: &mut UiState,
    lang: Lang,
) {
    if link.kind != LinkKind::Enclave {
        return;
    }
    let in_park: Vec<&NodeId> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::LocatedIn && l.to == link.to)
        .map(|l| &l.from)
        .collect();
    let related: Vec<&crate::model::Agreement> = project
        .agreements
        .values()
        .filter(|a| a.parties.iter().any(|p| p.node == link.from))
        .filter(|a| {
            a.scope
                .iter()
                .any(|s| *s == link.to || in_park.contains(&s))
        })
        .collect();
    ui.separator();
    if related.is_empty() {
        ui.weak(lang.pick(
            "这块飞地还没有分成协议(在“协议分成”页新建)",
            "No sharing agreement for this enclave yet (create one on the Sharing tab)",
        ));
    }
    for a in related {
        if ui
            .button(format!(
                "{} “{}”",
                lang.pick("打开协议", "Open agreement"),
                a.name
            ))
            .clicked()
        {
            state.agreement = Some(a.id.clone());
            state.analysis_tab = crate::ui::state::AnalysisTab::Sharing;
            state.settings.show_analysis = true;
        }
    }
}
