//! The fields of one link: its ends, kind (only kinds its ends allow), product, yearly value,
//! equity and note; for an enclave link, the sharing agreements between its region and park.

use super::{Choice, Form};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::figures::{parse_amount, parse_percent};
use crate::model::validate::link_endpoints_ok;
use crate::model::{Agreement, Link, LinkKind, NodeId, Project};
use crate::ui::state::{Queue, UiAction};
use crate::ui::widgets::draft::DraftKey;

/// Draws the link's fields; the changes of one frame go out as one edit.
pub(super) fn link_ui(ui: &mut egui::Ui, form: &mut Form<'_>, link: &Link, queue: &mut Queue) {
    let (project, lang) = (&form.doc.project, form.lang);
    let item = format!("link:{}", link.id);
    let kind_of = |id: &NodeId| project.nodes.get(id).map(|n| n.kind);
    let mut pending = link.clone();
    egui::Grid::new("link-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(lang.pick("编号", "Id"));
            ui.monospace(link.id.as_str());
            ui.end_row();
            ui.label(lang.pick("从", "From"));
            ui.label(project.node_name(&link.from));
            ui.end_row();
            ui.label(lang.pick("到", "To"));
            ui.label(project.node_name(&link.to));
            ui.end_row();
            let allowed: Vec<LinkKind> = LinkKind::ALL
                .into_iter()
                .filter(|k| match (kind_of(&link.from), kind_of(&link.to)) {
                    (Some(a), Some(b)) => link_endpoints_ok(*k, a, b),
                    _ => true,
                })
                .collect();
            let kind = Choice::new(
                "link-kind",
                lang.pick("类型", "Kind"),
                Some(link.kind),
                &allowed,
            );
            if let Some(Some(kind)) = kind.show(ui, |k| k.label(lang).to_owned()) {
                pending.kind = kind;
            }
            if link.kind == LinkKind::Supply {
                let key = DraftKey::new(&item, "product");
                let label = lang.pick("产品", "Product");
                if let Some(product) = form.plain(ui, &key, label, &link.product, 1) {
                    pending.product = product.trim().to_owned();
                }
            }
            if matches!(link.kind, LinkKind::Supply | LinkKind::FarmerLinkage) {
                let key = DraftKey::new(&item, "value");
                let label = lang.pick("年金额(万元)", "Value per year");
                let value = link.value.map(|d| d.to_string()).unwrap_or_default();
                let parse = |t: &str| parse_amount(t).map_err(|e| e.message(lang));
                if let Some(value) = form.text(ui, &key, label, &value, 1, parse) {
                    pending.value = value;
                }
            }
            if link.kind == LinkKind::Investment {
                let key = DraftKey::new(&item, "equity");
                let label = lang.pick("股权(%)", "Equity (%)");
                let value = link.equity_pct.map(|d| d.to_string()).unwrap_or_default();
                let parse = |t: &str| parse_percent(t).map_err(|e| e.message(lang));
                if let Some(equity) = form.text(ui, &key, label, &value, 1, parse) {
                    pending.equity_pct = equity;
                }
            }
            let key = DraftKey::new(&item, "note");
            if let Some(note) = form.plain(ui, &key, lang.pick("备注", "Note"), &link.note, 2) {
                pending.note = note;
            }
        });
    if pending != *link {
        queue.edits.push(Edit::SetLink(pending));
    }
}

/// An enclave link opens the agreements between its source region and its park.
pub(super) fn agreements_of_link_ui(
    ui: &mut egui::Ui,
    project: &Project,
    link: &Link,
    queue: &mut Queue,
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
    let related: Vec<&Agreement> = project
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
        let open = format!("{} “{}”", lang.pick("打开协议", "Open agreement"), a.name);
        if ui.button(open).clicked() {
            queue.actions.push(UiAction::ShowAgreement(a.id.clone()));
        }
    }
}
