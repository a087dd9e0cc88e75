//! The coalition values v(S) of an agreement, for the fair-split benchmark: one field per
//! coalition of its parties, keyed by the coalition's sorted member ids; and the values that
//! name someone who is no longer a party, each with a button to drop it.

use super::form::{Form, number_field};
use crate::model::{CoalitionValue, NodeId, coalition_key};
use crate::sharing::fair;
use crate::ui::theme;
use egui::RichText;
use rust_decimal::Decimal;

/// Up to this many parties the values are entered here (2⁶ − 1 = 63 fields); beyond, in the file.
const MAX_FORM_PARTIES: usize = 6;

/// The values' grid, then the values that no longer fit the parties.
pub(super) fn coalitions_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    ui.separator();
    ui.label(
        RichText::new(form.pick(
            "联盟价值 v(S)(用于公平分成基准)",
            "Coalition values v(S) (for the fair split)",
        ))
        .strong(),
    );
    // Wrapped at the visible width: the scroll area's content may be wider than it shows.
    let width = (ui.clip_rect().right() - ui.cursor().left() - 8.0).max(200.0);
    ui.set_max_width(width);
    ui.add(
        egui::Label::new(
            RichText::new(form.pick(
                "联盟 S 的价值 v(S):只有 S 中的各方参与时,它们在整个期限内能共同得到的收益(与所选账目同口径)。\
                 例如 v({飞出地}) 是飞出地不合作、企业留在原地时自己能得到的税收和收益;全体的价值是合作的总收益。",
                "The value v(S) of a coalition S: what the parties in S could receive together over the whole term if only they took part (on the same basis as the ledgers chosen on the Fair split tab). \
                 For example v({Source}) is what the source would get alone, its firms staying at home; the value of all parties is what the cooperation yields.",
            ))
            .weak(),
        )
        .wrap(),
    );
    let n = a.parties.len();
    if n == 0 {
        ui.weak(form.pick("先添加参与方", "Add parties first"));
    } else if n > MAX_FORM_PARTIES {
        ui.weak(form.pick(
            "参与方超过 6 个时请在文件中填写联盟价值",
            "With more than 6 parties, enter coalition values in the file",
        ));
    } else {
        egui::Grid::new(("coalitions", &a.id))
            .num_columns(2)
            .show(ui, |ui| {
                for mask in fair::listing_order(n) {
                    let members: Vec<NodeId> = (0..n)
                        .filter(|i| mask & (1 << i) != 0)
                        .map(|i| a.parties[i].node.clone())
                        .collect();
                    value_row_ui(ui, form, members);
                    ui.end_row();
                }
            });
    }
    stale_values_ui(ui, form);
}

/// `{A, B}` by party names.
fn coalition_name(form: &Form<'_>, members: &[NodeId]) -> String {
    let names: Vec<String> = members.iter().map(|m| form.name(m)).collect();
    format!("{{{}}}", names.join(", "))
}

fn value_row_ui(ui: &mut egui::Ui, form: &mut Form<'_>, members: Vec<NodeId>) {
    let a = form.a;
    let name = coalition_name(form, &members);
    ui.label(&name);
    let current = a
        .coalition_index(&members)
        .map(|i| a.coalition_values[i].value);
    let key = form.key(&format!("coalition:{}", coalition_key(&members)), "value");
    let access = format!("v({name})");
    if let Some(v) = number_field::<Decimal>(ui, form, &key, current, 80.0, &access) {
        form.change(move |a| a.set_coalition_value(&members, v));
    }
}

/// The values naming a node that is not a party (kept when a party was removed, or written so
/// in the file): the fair split waits until they are dropped or the party is back.
fn stale_values_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    let stale: Vec<&CoalitionValue> = a
        .coalition_values
        .iter()
        .filter(|cv| cv.parties.iter().any(|p| a.party(p).is_none()))
        .collect();
    if stale.is_empty() {
        return;
    }
    ui.colored_label(
        theme::WARNING,
        form.pick(
            "以下联盟价值含有非参与方,公平分成在修正前不计算:",
            "These values name someone who is not a party; no fair split until they are fixed:",
        ),
    );
    for cv in stale {
        ui.horizontal(|ui| {
            let name = coalition_name(form, &cv.parties);
            ui.label(format!("{name} = {}", cv.value));
            let outsiders: Vec<String> = cv
                .parties
                .iter()
                .filter(|p| a.party(p).is_none())
                .map(|p| form.name(p))
                .collect();
            ui.weak(match form.lang {
                crate::i18n::Lang::Zh => format!("(“{}”不是参与方)", outsiders.join("”“")),
                crate::i18n::Lang::En => format!("(not a party: {})", outsiders.join(", ")),
            });
            let access = format!("{} {name}", form.pick("删除联盟价值", "Drop the value of"));
            if ui
                .small_button("✕")
                .on_hover_text(form.pick("删除这个联盟价值", "Drop this value"))
                .accessible_name(access)
                .clicked()
            {
                let key = coalition_key(&cv.parties);
                form.remove(move |a| {
                    a.coalition_values
                        .retain(|c| coalition_key(&c.parties) != key)
                });
            }
        });
    }
}
