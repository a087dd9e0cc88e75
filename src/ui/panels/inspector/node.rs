//! The fields of one node: name, kind, stages, region, tags, the fields of its kind (park
//! level; a region's level, town class, 主体功能区, 禁止开发 and boundary; or SRDI tier),
//! position, pinned and note, then its yearly figures. The changes of one frame go out as one edit; a drag of the position is one gesture.

use super::{Choice, Form, stage_label};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::NodeId;
use crate::model::{
    FirmStatus, LandType, Node, NodeKind, ParkLevel, Project, SrdiTier, StageId, parse_tags,
};
use crate::ui::state::Queue;
use crate::ui::widgets::draft::DraftKey;
use egui::text::{CCursor, CCursorRange};

/// The key of a node's name field: its drafts and its widget id.
fn name_key(node: &NodeId) -> DraftKey {
    DraftKey::new(format!("node:{node}"), "name")
}

/// Asks for `node`'s name field to take the keyboard, with all of `name` selected so what the
/// user types replaces it, as soon as the inspector shows it (for a node just made: from the next
/// frame). The field takes it when drawn for real: a first layout pass of the inspector's grid
/// draws it disabled, which would drop a focus given earlier.
pub fn focus_name(ctx: &egui::Context, node: &NodeId, name: &str) {
    let request = NameFocus {
        node: node.clone(),
        chars: name.chars().count(),
        pass: ctx.cumulative_pass_nr(),
    };
    ctx.data_mut(|d| d.insert_temp(name_focus_id(), request));
}

/// A name field waiting for the keyboard.
#[derive(Debug, Clone)]
struct NameFocus {
    node: NodeId,
    /// The length of the name, all of it selected.
    chars: usize,
    /// When it was asked for: a request the inspector has not met within a few passes (the node
    /// was refused, or is not shown) is dropped.
    pass: u64,
}

fn name_focus_id() -> egui::Id {
    egui::Id::unique("inspector-name-focus")
}

/// Gives `node`'s name field the keyboard if that was asked for, just before it is drawn.
fn take_name_focus(ui: &egui::Ui, node: &NodeId) {
    let ctx = ui.ctx();
    let Some(request) = ctx.data(|d| d.get_temp::<NameFocus>(name_focus_id())) else {
        return;
    };
    if ctx.cumulative_pass_nr() > request.pass + 8 {
        ctx.data_mut(|d| d.remove::<NameFocus>(name_focus_id()));
        return;
    }
    if request.node != *node || !ui.is_enabled() || ui.is_sizing_pass() {
        return;
    }
    ctx.data_mut(|d| d.remove::<NameFocus>(name_focus_id()));
    let id = name_key(node).widget_id();
    let mut text = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let everything = CCursorRange::two(CCursor::new(0), CCursor::new(request.chars));
    text.cursor.set_char_range(Some(everything));
    text.store(ctx, id);
    ctx.memory_mut(|m| m.request_focus(id));
}

/// Draws the node's fields. Every widget changes its own field of `pending`, a copy of the node
/// as it was at the start of the frame, so two changes in one frame (a name losing focus as a
/// checkbox is clicked) are kept both, as one undo step.
pub(super) fn node_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    node: &Node,
    new_year: &mut String,
    queue: &mut Queue,
) {
    let (project, lang) = (&form.doc.project, form.lang);
    let item = format!("node:{}", node.id);
    let mut pending = node.clone();
    egui::Grid::new("node-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(lang.pick("编号", "Id"));
            ui.monospace(node.id.as_str());
            ui.end_row();
            let name = name_key(&node.id);
            take_name_focus(ui, &node.id);
            if let Some(name) =
                form.text(ui, &name, lang.pick("名称", "Name"), &node.name, 1, |t| {
                    non_empty(t, lang)
                })
            {
                pending.name = name;
            }
            let kind = Choice::new(
                "kind",
                lang.pick("类型", "Kind"),
                Some(node.kind),
                &NodeKind::ALL,
            );
            if let Some(Some(kind)) = kind.show(ui, |k| k.label(lang).to_owned()) {
                pending.kind = kind;
            }
            if node.kind.is_enterprise_like() {
                stage_rows(ui, project, node, &mut pending, lang);
            }
            region_row(ui, project, node, &mut pending, lang);
            let tags = DraftKey::new(&item, "tags");
            if let Some(tags) = form.plain(
                ui,
                &tags,
                lang.pick("标签", "Tags"),
                &node.tags.join(", "),
                1,
            ) {
                pending.tags = parse_tags(&tags);
            }
            if node.kind.is_enterprise_like() {
                identity_rows(ui, form, &item, node, &mut pending);
            }
            kind_rows(ui, project, node, &mut pending, lang);
            position_row(ui, node, queue, lang);
            ui.label(lang.pick("固定位置", "Pinned"));
            ui.checkbox(
                &mut pending.pinned,
                lang.pick("布局时不移动", "keep in place"),
            );
            ui.end_row();
            let note = DraftKey::new(&item, "note");
            if let Some(note) = form.plain(ui, &note, lang.pick("备注", "Note"), &node.note, 2) {
                pending.note = note;
            }
        });
    if node.kind.is_enterprise_like() || node.kind == NodeKind::Park {
        ui.separator();
        super::figures::figures_ui(ui, form, node, &mut pending, new_year);
    }
    if pending != *node {
        queue.edits.push(Edit::SetNodes(vec![pending]));
    }
}

/// A firm's 统一社会信用代码 (checked by `chainmap check`, a mistyped one warned of above)
/// and the products it can supply besides its stages' (for gaps by capability).
fn identity_rows(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    item: &str,
    node: &Node,
    pending: &mut Node,
) {
    let lang = form.lang;
    let code = DraftKey::new(item, "credit_code");
    let label = lang.pick("信用代码", "Credit code");
    if let Some(code) = form.plain(ui, &code, label, &node.credit_code, 1) {
        pending.credit_code = crate::model::credit_code::normalise(&code);
    }
    let products = DraftKey::new(item, "products");
    let label = lang.pick("主营产品", "Products");
    if let Some(products) = form.plain(ui, &products, label, &node.products.join(", "), 1) {
        // Each product once, in the order typed.
        let mut seen = std::collections::BTreeSet::new();
        pending.products = parse_tags(&products)
            .into_iter()
            .filter(|p| seen.insert(p.clone()))
            .collect();
    }
}

/// A name is typed text without the spaces around it, and not empty.
fn non_empty(text: &str, lang: Lang) -> Result<String, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        Err(lang.pick("名称不能为空", "A name cannot be empty"))
    } else {
        Ok(text.to_owned())
    }
}

/// The main stage as a choice, and the other stages as text.
fn stage_rows(ui: &mut egui::Ui, project: &Project, node: &Node, pending: &mut Node, lang: Lang) {
    let stages: Vec<(StageId, String)> = project
        .stages()
        .map(|(_, s)| (s.id.clone(), stage_label(s, lang)))
        .collect();
    let indices: Vec<usize> = (0..stages.len()).collect();
    let current = node
        .stages
        .first()
        .and_then(|s| stages.iter().position(|(id, _)| id == s));
    let choice = Choice::new("stage", lang.pick("环节", "Stage"), current, &indices)
        .or_none(lang.pick("(无)", "(none)"));
    if let Some(choice) = choice.show(ui, |i| stages[i].1.clone()) {
        pending.stages.retain(|s| Some(s) != node.stages.first());
        if let Some(i) = choice {
            pending.stages.retain(|s| *s != stages[i].0);
            pending.stages.insert(0, stages[i].0.clone());
        }
    }
    if node.stages.len() > 1 {
        ui.label(lang.pick("其他环节", "Other stages"));
        let others: Vec<&str> = node.stages[1..].iter().map(|s| s.as_str()).collect();
        ui.label(others.join(", "));
        ui.end_row();
    }
}

/// The region the node sits in, among the project's region nodes.
fn region_row(ui: &mut egui::Ui, project: &Project, node: &Node, pending: &mut Node, lang: Lang) {
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
    let choice = Choice::new("region", lang.pick("所在地区", "Region"), current, &indices)
        .or_none(lang.pick("(无)", "(none)"));
    if let Some(choice) = choice.show(ui, |i| regions[i].name.clone()) {
        pending.region = choice.map(|i| regions[i].id.clone());
    }
}

/// The fields only some kinds have: a park's level, a region's level, class, 主体功能区 and
/// boundary (region.rs), a firm's SRDI tier.
fn kind_rows(ui: &mut egui::Ui, project: &Project, node: &Node, pending: &mut Node, lang: Lang) {
    match node.kind {
        NodeKind::Park => {
            let choice = Choice::new(
                "park-level",
                lang.pick("园区级别", "Park level"),
                node.park_level,
                &ParkLevel::ALL,
            );
            if let Some(level) = choice.or_none("—").show(ui, |l| l.label(lang).to_owned()) {
                pending.park_level = level;
            }
        }
        NodeKind::Region => super::region::region_rows(ui, project, node, pending, lang),
        _ => {
            let choice = Choice::new(
                "srdi",
                lang.pick("专精特新", "SRDI tier"),
                node.srdi,
                &SrdiTier::ALL,
            );
            if let Some(tier) = choice.or_none("—").show(ui, |t| t.label(lang).to_owned()) {
                pending.srdi = tier;
            }
            evaluation_rows(ui, node, pending, lang);
        }
    }
}

/// Issue 16: what the 链主 criteria and the 亩均效益评价 read from a firm: 规上, the type of its
/// land and its state.
fn evaluation_rows(ui: &mut egui::Ui, node: &Node, pending: &mut Node, lang: Lang) {
    // Short texts: a long one would widen the inspector and move the canvas.
    ui.label(lang.pick("规上", "Above scale"));
    ui.checkbox(&mut pending.above_scale, lang.pick("规模以上", "规上"))
        .on_hover_text(lang.pick(
            "规模以上企业;标签“规上”也算",
            "Above the statistical size threshold; the tag 规上 counts too",
        ));
    ui.end_row();
    let choice = Choice::new(
        "land-type",
        lang.pick("用地类型", "Land type"),
        node.land_type,
        &LandType::ALL,
    );
    if let Some(t) = choice.or_none("—").show(ui, |t| t.label(lang).to_owned()) {
        pending.land_type = t;
    }
    let choice = Choice::new(
        "status",
        lang.pick("企业状态", "Status"),
        Some(node.status),
        &FirmStatus::ALL,
    );
    if let Some(Some(status)) = choice.show(ui, |s| s.label(lang).to_owned()) {
        pending.status = status;
    }
}

/// Where the node sits on the canvas, to set exactly by dragging or typing a number. Each change
/// is a gesture edit: one drag, however long, is one undo step.
fn position_row(ui: &mut egui::Ui, node: &Node, queue: &mut Queue, lang: Lang) {
    let Some(pos) = node.position else {
        return;
    };
    ui.label(lang.pick("位置", "Position"));
    let mut moved = pos;
    ui.horizontal(|ui| {
        for (axis, value) in [("x", &mut moved.x), ("y", &mut moved.y)] {
            let label = ui.label(axis).id;
            ui.add(egui::DragValue::new(value).speed(1.0).max_decimals(1))
                .labelled_by(label);
        }
    });
    ui.end_row();
    if moved != pos {
        let key = DraftKey::new(format!("node:{}", node.id), "position");
        let edit = Edit::MoveNodes(vec![(node.id.clone(), moved)]);
        queue.gesture_edits.push((edit, key.gesture()));
    }
}
