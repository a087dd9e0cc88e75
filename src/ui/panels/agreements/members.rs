//! The members of group parties (issue 19, 鄞衢 消薄飞地: 162 village collectives as one party):
//! each member's name and share of what the party receives, with the sum shown (in the error
//! colour when it is not 100 %). A party without members is a single party.

use super::form::{Form, decimal_field, field_name, text_field};
use crate::model::{Member, Party, member_share_left};
use crate::ui::theme;
use egui::RichText;
use rust_decimal::Decimal;

/// Folded under the parties: for each party its members, and a button to add one.
pub(super) fn members_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    let groups = a.parties.iter().filter(|p| !p.members.is_empty()).count();
    let title = format!(
        "{} ({groups})",
        form.pick("成员(集体参与方)", "Members (group parties)")
    );
    egui::CollapsingHeader::new(title)
        .id_salt(("members", &a.id))
        .default_open(groups > 0)
        .show(ui, |ui| {
            ui.weak(form.pick(
                "一个参与方可代表多个成员(如 162 个村集体),其所得按成员比例再分配",
                "A party can stand for many members (e.g. 162 village collectives); what it receives is split by their shares",
            ));
            for p in &a.parties {
                party_members_ui(ui, form, p);
            }
        });
}

/// What tells member `i` of a party apart while it is edited: its name and how many members
/// before it have the same name.
fn member_key(members: &[Member], i: usize) -> String {
    let name = members.get(i).map_or("", |m| m.name.as_str());
    let before = members[..i.min(members.len())]
        .iter()
        .filter(|m| m.name == name)
        .count();
    format!("{name}#{before}")
}

fn party_members_ui(ui: &mut egui::Ui, form: &mut Form<'_>, p: &Party) {
    let party = form.name(&p.node);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&party).strong());
        if p.members.is_empty() {
            ui.weak(form.pick("单一主体", "a single party"));
        } else {
            let sum: Decimal = p.members.iter().map(|m| m.share_pct).sum();
            let text = format!(
                "{} {} · {} {}%",
                p.members.len(),
                form.pick("个成员", "members"),
                form.pick("合计", "sum"),
                sum.normalize()
            );
            if sum == Decimal::ONE_HUNDRED {
                ui.weak(text);
            } else {
                ui.colored_label(theme::ERROR, text)
                    .on_hover_text(form.pick(
                        "成员比例合计应为 100%",
                        "Members' shares must add up to 100 %",
                    ));
            }
        }
    });
    for (i, m) in p.members.iter().enumerate() {
        ui.horizontal(|ui| member_row_ui(ui, form, p, i, m));
    }
    let add = field_name(form.pick("添加成员", "Add member"), &party);
    if ui
        .small_button(form.pick("添加成员", "Add member"))
        .accessible_name(add)
        .clicked()
    {
        let member = Member {
            name: match form.lang {
                crate::i18n::Lang::Zh => format!("成员{}", p.members.len() + 1),
                crate::i18n::Lang::En => format!("Member {}", p.members.len() + 1),
            },
            share_pct: member_share_left(&p.members),
        };
        form.change_party(&p.node, move |p| p.members.push(member));
    }
}

/// One member: its name, its share and a button to take it out.
fn member_row_ui(ui: &mut egui::Ui, form: &mut Form<'_>, p: &Party, i: usize, m: &Member) {
    ui.add_space(16.0);
    let party = form.name(&p.node);
    let item = format!("{party} / {}", m.name);
    let part = format!("party:{}/member:{}", p.node, member_key(&p.members, i));
    let (key, name) = (
        form.key(&part, "name"),
        field_name(form.pick("成员名称", "Member name"), &item),
    );
    if let Some(text) = text_field(ui, form, &key, &m.name, 140.0, &name) {
        form.change_party(&p.node, move |p| {
            if let Some(m) = p.members.get_mut(i) {
                m.name = text;
            }
        });
    }
    let (key, name) = (
        form.key(&part, "share_pct"),
        field_name(form.pick("成员比例", "Member share"), &item),
    );
    if let Some(v) = decimal_field(ui, form, &key, m.share_pct, 50.0, &name) {
        form.change_party(&p.node, move |p| {
            if let Some(m) = p.members.get_mut(i) {
                m.share_pct = v;
            }
        });
    }
    ui.label("%");
    let remove = field_name(form.pick("移除成员", "Remove member"), &item);
    if ui
        .small_button("✕")
        .on_hover_text(form.pick("移除成员", "Remove member"))
        .accessible_name(remove)
        .clicked()
    {
        let node = p.node.clone();
        form.remove(move |a| {
            if let Some(p) = a.parties.iter_mut().find(|p| p.node == node)
                && i < p.members.len()
            {
                p.members.remove(i);
            }
        });
    }
}
