//! The agreements tabs: list, create and edit benefit-sharing agreements (parties, scope,
//! phases and their rules, cost items, coalition values) with problems shown inline; the yearly
//! schedule as a table, a stacked bar chart and a cumulative line; and the fairness view with
//! Shapley value, nucleolus and the contract side by side.

use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::*;
use crate::sharing::Schedule;
use crate::sharing::fair::{self, Q};
use crate::ui::command::AppCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use crate::ui::widgets::draft::Drafts;
use egui::{Color32, RichText};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::str::FromStr;

/// Colours for parties in charts, in party order.
const PARTY_COLOURS: [Color32; 6] = [
    Color32::from_rgb(52, 120, 198),
    Color32::from_rgb(222, 140, 20),
    Color32::from_rgb(46, 139, 87),
    Color32::from_rgb(140, 80, 180),
    Color32::from_rgb(200, 70, 70),
    Color32::from_rgb(30, 150, 160),
];

fn party_colour(i: usize) -> Color32 {
    PARTY_COLOURS[i % PARTY_COLOURS.len()]
}

/// The agreement shown: the chosen one, else the first.
fn current<'a>(project: &'a Project, state: &UiState) -> Option<&'a Agreement> {
    state
        .agreement
        .as_ref()
        .and_then(|id| project.agreements.get(id))
        .or_else(|| project.agreements.values().next())
}

/// A text field for an exact number; returns the new value when the user is done typing.
fn decimal_field(
    ui: &mut egui::Ui,
    state: &mut UiState,
    key: &str,
    current: Option<Decimal>,
    width: f32,
    lang: Lang,
) -> Option<Option<Decimal>> {
    let shown = current.map(|d| d.to_string()).unwrap_or_default();
    let text = state
        .agreement_texts
        .entry(key.to_owned())
        .or_insert_with(|| shown.clone());
    let parsed = if text.trim().is_empty() {
        Some(None)
    } else {
        Decimal::from_str(text.trim()).ok().map(Some)
    };
    // A fixed size: inside a grid a text field would otherwise shrink to last frame's column.
    let resp = ui.add_sized(
        [width, 20.0],
        egui::TextEdit::singleline(text).text_color_opt(parsed.is_none().then_some(theme::ERROR)),
    );
    let resp = resp.on_hover_text(lang.pick("输入数字后按回车", "type a number and press Enter"));
    if resp.lost_focus() {
        let committed = parsed.filter(|v| *v != current);
        state.agreement_texts.remove(key);
        return committed;
    }
    None
}

fn combo<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: &T,
    options: &[T],
    label: impl Fn(&T) -> String,
    width: f32,
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
        });
    chosen
}

pub fn sharing_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    state: &mut UiState,
    _drafts: &mut Drafts,
    queue: &mut Queue,
) {
    let (lang, issues) = (cx.lang, cx.issues);
    let project = cx.project();
    list_ui(ui, project, state, queue, lang);
    ui.separator();
    let Some(a) = current(project, state).cloned() else {
        ui.weak(lang.pick(
            "还没有协议。点“新建协议”开始。",
            "No agreement yet. Press “New agreement” to start.",
        ));
        return;
    };
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("agreement-editor")
            .auto_shrink([false, false])
            .show(&mut cols[0], |ui| {
                editor_ui(ui, project, &a, issues, state, queue, lang);
            });
        let Some(s) = cx.derived.schedule(&a.id) else {
            cols[1].spinner();
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("agreement-schedule")
            .auto_shrink([false, false])
            .show(&mut cols[1], |ui| {
                schedule_ui(ui, project, &a, s, state, queue, lang);
            });
    });
}

fn list_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    lang: Lang,
) {
    let shown = current(project, state).map(|a| a.id.clone());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(lang.pick("协议:", "Agreements:")).strong());
        for a in project.agreements.values() {
            if ui
                .selectable_label(shown.as_ref() == Some(&a.id), &a.name)
                .clicked()
            {
                state.agreement = Some(a.id.clone());
                state.agreement_texts.clear();
            }
        }
        ui.separator();
        if ui.button(lang.pick("新建协议", "New agreement")).clicked() {
            let id = AgreementId(fresh_id("A", |c| {
                project.agreements.contains_key(&AgreementId::from(c))
            }));
            // Start from the enclave on the canvas when there is one: its source region and host
            // park's region as parties, the firms located in the park as scope.
            let mut agreement = Agreement {
                id: id.clone(),
                name: format!("{} {id}", lang.pick("协议", "Agreement")),
                ..Agreement::default()
            };
            if let Some(enclave) = project.links.values().find(|l| l.kind == LinkKind::Enclave) {
                agreement.parties.push(Party {
                    node: enclave.from.clone(),
                    role: PartyRole::Source,
                    ..Party::default()
                });
                if let Some(host) = project
                    .nodes
                    .get(&enclave.to)
                    .and_then(|p| p.region.clone())
                    && host != enclave.from
                {
                    agreement.parties.push(Party {
                        node: host,
                        role: PartyRole::Host,
                        ..Party::default()
                    });
                }
                agreement.scope = project
                    .links
                    .values()
                    .filter(|l| l.kind == LinkKind::LocatedIn && l.to == enclave.to)
                    .map(|l| l.from.clone())
                    .collect();
            }
            queue.edits.push(Edit::SetAgreement(agreement));
            state.agreement = Some(id);
        }
        if let Some(id) = shown
            && ui
                .button(lang.pick("删除协议", "Delete agreement"))
                .clicked()
        {
            queue.edits.push(Edit::RemoveAgreement(id));
            state.agreement = None;
        }
    });
}

#[allow(clippy::too_many_lines)]
fn editor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Agreement,
    issues: &[Issue],
    state: &mut UiState,
    queue: &mut Queue,
    lang: Lang,
) {
    let place = format!("agreements/{}", a.id);
    for issue in issues
        .iter()
        .filter(|i| i.place == place || i.place.starts_with(&format!("{place}/")))
    {
        let colour = if issue.severity == Severity::Error {
            theme::ERROR
        } else {
            theme::WARNING
        };
        ui.colored_label(colour, format!("⚠ {}", issue.message(lang)));
    }
    let mut edited = a.clone();
    let mut changed = false;
    egui::Grid::new("agreement-head")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(lang.pick("名称", "Name"));
            let key = format!("{}:name", a.id);
            let text = state
                .agreement_texts
                .entry(key.clone())
                .or_insert_with(|| a.name.clone());
            if ui
                .add(egui::TextEdit::singleline(text).desired_width(220.0))
                .lost_focus()
            {
                if !text.trim().is_empty() && text.trim() != a.name {
                    edited.name = text.trim().to_owned();
                    changed = true;
                }
                state.agreement_texts.remove(&key);
            }
            ui.end_row();
            for (label, field) in [
                (lang.pick("签约年份", "Signed"), 0),
                (lang.pick("投产年份", "Production"), 1),
            ] {
                ui.label(label);
                let current = if field == 0 {
                    a.signed_year
                } else {
                    a.production_year
                };
                if let Some(v) = decimal_field(
                    ui,
                    state,
                    &format!("{}:year{field}", a.id),
                    current.map(Decimal::from),
                    80.0,
                    lang,
                ) {
                    let year = v.and_then(|d| d.to_i32());
                    if field == 0 {
                        edited.signed_year = year
                    } else {
                        edited.production_year = year
                    }
                    changed = true;
                }
                ui.end_row();
            }
        });

    // Parties.
    ui.separator();
    ui.label(RichText::new(lang.pick("参与方", "Parties")).strong());
    let candidates: Vec<NodeId> = project
        .nodes
        .values()
        .filter(|n| n.kind != NodeKind::ExternalEnterprise)
        .map(|n| n.id.clone())
        .collect();
    let mut remove_party = None;
    egui::Grid::new("parties").num_columns(5).show(ui, |ui| {
        ui.weak(lang.pick("节点", "Node"));
        ui.weak(lang.pick("角色", "Role"));
        ui.weak(lang.pick("股权%", "Equity %"));
        ui.weak(lang.pick("出资", "Capital"));
        ui.end_row();
        for (i, p) in a.parties.iter().enumerate() {
            if let Some(node) = combo(
                ui,
                ("party", &a.id, i),
                &p.node,
                &candidates,
                |id| project.node_name(id),
                150.0,
            ) {
                edited.parties[i].node = node;
                changed = true;
            }
            if let Some(role) = combo(
                ui,
                ("role", &a.id, i),
                &p.role,
                &PartyRole::ALL,
                |r| r.label(lang).to_owned(),
                90.0,
            ) {
                edited.parties[i].role = role;
                changed = true;
            }
            if let Some(v) = decimal_field(
                ui,
                state,
                &format!("{}:eq{i}", a.id),
                p.equity_pct,
                50.0,
                lang,
            ) {
                edited.parties[i].equity_pct = v;
                changed = true;
            }
            if let Some(v) = decimal_field(
                ui,
                state,
                &format!("{}:cap{i}", a.id),
                p.capital,
                80.0,
                lang,
            ) {
                edited.parties[i].capital = v;
                changed = true;
            }
            if ui
                .small_button("✕")
                .on_hover_text(lang.pick("移除参与方", "Remove party"))
                .clicked()
            {
                remove_party = Some(i);
            }
            ui.end_row();
        }
    });
    if let Some(i) = remove_party {
        edited.parties.remove(i);
        changed = true;
    }
    if let Some(free) = candidates
        .iter()
        .find(|c| !a.parties.iter().any(|p| &p.node == *c))
        && ui.button(lang.pick("添加参与方", "Add party")).clicked()
    {
        edited.parties.push(Party {
            node: free.clone(),
            role: PartyRole::Investor,
            ..Party::default()
        });
        changed = true;
    }

    // Scope.
    ui.separator();
    egui::CollapsingHeader::new(
        RichText::new(format!(
            "{} ({})",
            lang.pick("范围内企业和园区", "Firms and parks in scope"),
            a.scope.len()
        ))
        .strong(),
    )
    .id_salt(("scope", &a.id))
    .show(ui, |ui| {
        for n in project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like() || n.kind == NodeKind::Park)
        {
            let mut on = a.scope.contains(&n.id);
            if ui.checkbox(&mut on, &n.name).changed() {
                if on {
                    edited.scope.push(n.id.clone());
                    edited.scope.sort();
                } else {
                    edited.scope.retain(|s| s != &n.id);
                }
                changed = true;
            }
        }
    });

    // Phases.
    ui.separator();
    ui.label(RichText::new(lang.pick("阶段与规则", "Phases and rules")).strong());
    let party_ids: Vec<NodeId> = a.parties.iter().map(|p| p.node.clone()).collect();
    let mut remove_phase = None;
    for (k, phase) in a.phases.iter().enumerate() {
        let years = a.phase_years(phase).map(|(f, l)| match l {
            Some(l) => format!("{f}–{l}"),
            None => format!("{f}–"),
        });
        egui::CollapsingHeader::new(format!(
            "{} · {} · {} · {}",
            if phase.name.is_empty() {
                phase.id.as_str()
            } else {
                phase.name.as_str()
            },
            phase.ledger.label(lang),
            phase.metric.label(lang),
            years.unwrap_or_else(|| "?".into())
        ))
        .id_salt(("phase", &a.id, k))
        .show(ui, |ui| {
            let ph = &mut edited.phases[k];
            egui::Grid::new(("phase-grid", &a.id, k))
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(lang.pick("账目", "Ledger"));
                    if let Some(l) = combo(
                        ui,
                        ("ledger", &a.id, k),
                        &phase.ledger,
                        &Ledger::ALL,
                        |l| l.label(lang).to_owned(),
                        140.0,
                    ) {
                        ph.ledger = l;
                        changed = true;
                    }
                    ui.end_row();
                    ui.label(lang.pick("指标", "Metric"));
                    if let Some(m) = combo(
                        ui,
                        ("metric", &a.id, k),
                        &phase.metric,
                        &Metric::ALL,
                        |m| m.label(lang).to_owned(),
                        140.0,
                    ) {
                        ph.metric = m;
                        changed = true;
                    }
                    ui.end_row();
                    ui.label(lang.pick("开始", "Starts"));
                    ui.horizontal(|ui| {
                        let kinds = [0u8, 1, 2];
                        let kind_of = |s: &PhaseStart| match s {
                            PhaseStart::Year(_) => 0u8,
                            PhaseStart::AfterSigning(_) => 1,
                            PhaseStart::AfterProduction(_) => 2,
                        };
                        let value = match phase.start {
                            PhaseStart::Year(y) => y,
                            PhaseStart::AfterSigning(n) | PhaseStart::AfterProduction(n) => {
                                n as i32
                            }
                        };
                        let label = |k: &u8| match k {
                            0 => lang.pick("年份", "in year").to_owned(),
                            1 => lang
                                .pick("签约后第 N 年", "N years after signing")
                                .to_owned(),
                            _ => lang
                                .pick("投产后第 N 年", "N years after production")
                                .to_owned(),
                        };
                        if let Some(kind) = combo(
                            ui,
                            ("start", &a.id, k),
                            &kind_of(&phase.start),
                            &kinds,
                            label,
                            150.0,
                        ) {
                            ph.start = match kind {
                                0 => PhaseStart::Year(a.signed_year.unwrap_or(2024)),
                                1 => PhaseStart::AfterSigning(0),
                                _ => PhaseStart::AfterProduction(0),
                            };
                            changed = true;
                        }
                        let mut v = value;
                        if ui
                            .add(egui::DragValue::new(&mut v).range(0..=2200))
                            .changed()
                        {
                            ph.start = match phase.start {
                                PhaseStart::Year(_) => PhaseStart::Year(v),
                                PhaseStart::AfterSigning(_) => {
                                    PhaseStart::AfterSigning(v.max(0) as u32)
                                }
                                PhaseStart::AfterProduction(_) => {
                                    PhaseStart::AfterProduction(v.max(0) as u32)
                                }
                            };
                            changed = true;
                        }
                    });
                    ui.end_row();
                    ui.label(lang.pick("年限", "Years"));
                    ui.horizontal(|ui| {
                        let mut open = phase.years.is_none();
                        if ui
                            .checkbox(&mut open, lang.pick("不限", "open-ended"))
                            .changed()
                        {
                            ph.years = if open { None } else { Some(5) };
                            changed = true;
                        }
                        if let Some(mut n) = phase.years
                            && ui
                                .add(egui::DragValue::new(&mut n).range(1..=100))
                                .changed()
                        {
                            ph.years = Some(n);
                            changed = true;
                        }
                    });
                    ui.end_row();
                    ui.label(lang.pick("规则", "Rule"));
                    let rule_kinds = [
                        "fixed_shares",
                        "all_to",
                        "double_count",
                        "increment",
                        "capped",
                        "equity",
                        "fixed_return",
                        "per_unit",
                    ];
                    let rule_label = |c: &&str| rule_label(c, lang).to_owned();
                    if let Some(kind) = combo(
                        ui,
                        ("rule", &a.id, k),
                        &phase.rule.code(),
                        &rule_kinds,
                        rule_label,
                        160.0,
                    ) {
                        ph.rule = default_rule(kind, &party_ids);
                        changed = true;
                    }
                    ui.end_row();
                });
            changed |= rule_ui(ui, project, a, k, &mut ph.rule, &party_ids, state, lang);
            if ui
                .button(lang.pick("删除此阶段", "Delete this phase"))
                .clicked()
            {
                remove_phase = Some(k);
            }
        });
    }
    if let Some(k) = remove_phase {
        edited.phases.remove(k);
        changed = true;
    }
    if ui.button(lang.pick("添加阶段", "Add phase")).clicked() {
        let id = PhaseId(fresh_id("p", |c| {
            a.phases.iter().any(|p| p.id.as_str() == c)
        }));
        edited.phases.push(Phase {
            id,
            ledger: Ledger::Fiscal,
            metric: Metric::Tax,
            rule: default_rule("fixed_shares", &party_ids),
            ..Phase::default()
        });
        changed = true;
    }

    // Costs.
    ui.separator();
    ui.label(RichText::new(lang.pick("成本分担", "Shared costs")).strong());
    let mut remove_cost = None;
    let cost_kinds = [
        CostKind::Land,
        CostKind::Levelling,
        CostKind::Infrastructure,
        CostKind::Plant,
        CostKind::Subsidy,
        CostKind::Other,
    ];
    for (i, c) in a.costs.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let key = format!("{}:costname{i}", a.id);
            let text = state
                .agreement_texts
                .entry(key.clone())
                .or_insert_with(|| c.name.clone());
            if ui
                .add(egui::TextEdit::singleline(text).desired_width(110.0))
                .lost_focus()
            {
                if !text.trim().is_empty() && text.trim() != c.name {
                    edited.costs[i].name = text.trim().to_owned();
                    changed = true;
                }
                state.agreement_texts.remove(&key);
            }
            if let Some(kind) = combo(
                ui,
                ("cost-kind", &a.id, i),
                &c.kind,
                &cost_kinds,
                |k| k.label(lang).to_owned(),
                90.0,
            ) {
                edited.costs[i].kind = kind;
                changed = true;
            }
            let mut year = c.year;
            if ui
                .add(egui::DragValue::new(&mut year).range(1949..=2100))
                .changed()
            {
                edited.costs[i].year = year;
                changed = true;
            }
            if let Some(Some(v)) = decimal_field(
                ui,
                state,
                &format!("{}:cost{i}", a.id),
                Some(c.amount),
                70.0,
                lang,
            ) {
                edited.costs[i].amount = v;
                changed = true;
            }
            let by_equity = matches!(c.split, CostSplit::Equity);
            let modes = [true, false];
            let mode_label = |m: &bool| {
                if *m {
                    lang.pick("按股权", "by equity").to_owned()
                } else {
                    lang.pick("按比例", "by shares").to_owned()
                }
            };
            if let Some(m) = combo(
                ui,
                ("cost-split", &a.id, i),
                &by_equity,
                &modes,
                mode_label,
                80.0,
            ) {
                edited.costs[i].split = if m {
                    CostSplit::Equity
                } else {
                    match default_rule(
                        "fixed_shares",
                        &a.parties.iter().map(|p| p.node.clone()).collect::<Vec<_>>(),
                    ) {
                        Rule::FixedShares { shares } => CostSplit::Shares(shares),
                        _ => CostSplit::Equity,
                    }
                };
                changed = true;
            }
            if let CostSplit::Shares(shares) = &c.split {
                for (k, share) in shares.iter().enumerate() {
                    ui.label(project.node_name(&share.party));
                    if let Some(Some(v)) = decimal_field(
                        ui,
                        state,
                        &format!("{}:cost{i}:share{k}", a.id),
                        Some(share.pct),
                        45.0,
                        lang,
                    ) && let CostSplit::Shares(edited_shares) = &mut edited.costs[i].split
                    {
                        edited_shares[k].pct = v;
                        changed = true;
                    }
                    ui.label("%");
                }
            }
            if ui
                .small_button("✕")
                .on_hover_text(lang.pick("移除费用", "Remove cost"))
                .clicked()
            {
                remove_cost = Some(i);
            }
        });
    }
    if let Some(i) = remove_cost {
        edited.costs.remove(i);
        changed = true;
    }
    if ui
        .button(lang.pick("添加费用(按股权分担)", "Add cost (shared by equity)"))
        .clicked()
    {
        edited.costs.push(CostItem {
            name: lang.pick("基础设施", "infrastructure").to_owned(),
            year: a.signed_year.unwrap_or(2024),
            ..CostItem::default()
        });
        changed = true;
    }

    // Coalition values.
    ui.separator();
    ui.label(
        RichText::new(lang.pick(
            "联盟价值 v(S)(用于公平分成基准)",
            "Coalition values v(S) (for the fair split)",
        ))
        .strong(),
    );
    let n = a.parties.len();
    if n == 0 {
        ui.weak(lang.pick("先添加参与方", "Add parties first"));
    } else if n > 6 {
        ui.weak(lang.pick(
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
                    let set: std::collections::BTreeSet<&NodeId> = members.iter().collect();
                    let existing = a.coalition_values.iter().position(|c| {
                        c.parties.iter().collect::<std::collections::BTreeSet<_>>() == set
                    });
                    ui.label(format!(
                        "{{{}}}",
                        members
                            .iter()
                            .map(|m| project.node_name(m))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    let current = existing.map(|i| a.coalition_values[i].value);
                    if let Some(v) =
                        decimal_field(ui, state, &format!("{}:v{mask}", a.id), current, 80.0, lang)
                    {
                        match (existing, v) {
                            (Some(i), Some(v)) => edited.coalition_values[i].value = v,
                            (Some(i), None) => {
                                edited.coalition_values.remove(i);
                            }
                            (None, Some(v)) => edited.coalition_values.push(CoalitionValue {
                                parties: members.clone(),
                                value: v,
                            }),
                            (None, None) => {}
                        }
                        changed = true;
                    }
                    ui.end_row();
                }
            });
    }
    if changed {
        queue.edits.push(Edit::SetAgreement(edited));
    }
}

fn rule_label(code: &str, lang: Lang) -> &'static str {
    match code {
        "fixed_shares" => lang.pick("固定比例", "fixed shares"),
        "all_to" => lang.pick("全归一方", "all to one party"),
        "double_count" => lang.pick("双方全额计入", "double counting"),
        "increment" => lang.pick("只分增量", "increment above a base"),
        "capped" => lang.pick("封顶分成", "capped share"),
        "equity" => lang.pick("按股权", "by equity"),
        "fixed_return" => lang.pick("固定回报", "fixed return on capital"),
        _ => lang.pick("按单位固定支付", "fixed payment per unit"),
    }
}

/// A new rule of a kind, filled with the agreement's parties so it is valid from the start.
fn default_rule(kind: &str, parties: &[NodeId]) -> Rule {
    let first = parties.first().cloned().unwrap_or_default();
    let last = parties.last().cloned().unwrap_or_default();
    let even = || -> Vec<Share> {
        let weights = vec![Decimal::ONE; parties.len()];
        let parts = crate::sharing::money::split(Decimal::ONE_HUNDRED, &weights);
        parties
            .iter()
            .cloned()
            .zip(parts)
            .map(|(party, pct)| Share { party, pct })
            .collect()
    };
    match kind {
        "all_to" => Rule::AllTo { party: first },
        "double_count" => Rule::DoubleCount {
            parties: parties.to_vec(),
        },
        "increment" => Rule::Increment {
            base: Base::Amount(Decimal::ZERO),
            base_to: last,
            shares: even(),
        },
        "capped" => Rule::Capped {
            shares: even(),
            capped_party: first,
            cap: Cap::PriorYears(3),
            remainder_to: last,
            extension_years: 0,
        },
        "equity" => Rule::Equity,
        "fixed_return" => Rule::FixedReturn {
            rate_pct: Decimal::TEN,
            recipients: vec![first],
            payer: last,
        },
        "per_unit" => Rule::PerUnit {
            payer: first,
            payee: last,
            per_unit: Decimal::ONE,
            units: Decimal::ONE,
            unit: String::new(),
        },
        _ => Rule::FixedShares { shares: even() },
    }
}

/// The fields of one rule; true when something changed.
#[allow(clippy::too_many_arguments)]
fn rule_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Agreement,
    k: usize,
    rule: &mut Rule,
    parties: &[NodeId],
    state: &mut UiState,
    lang: Lang,
) -> bool {
    let mut changed = false;
    let key = |field: &str| format!("{}:{k}:{field}", a.id);
    let party_combo = |ui: &mut egui::Ui, id: &str, current: &NodeId| {
        combo(
            ui,
            (id, &a.id, k),
            current,
            parties,
            |p| project.node_name(p),
            120.0,
        )
    };
    let shares_ui = |ui: &mut egui::Ui, shares: &mut Vec<Share>, state: &mut UiState| -> bool {
        let mut changed = false;
        for (i, share) in shares.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(project.node_name(&share.party));
                if let Some(Some(v)) = decimal_field(
                    ui,
                    state,
                    &format!("{}:{k}:share{i}", a.id),
                    Some(share.pct),
                    50.0,
                    lang,
                ) {
                    share.pct = v;
                    changed = true;
                }
                ui.label("%");
            });
        }
        changed
    };
    egui::Grid::new(("rule-fields", &a.id, k))
        .num_columns(2)
        .show(ui, |ui| match rule {
            Rule::FixedShares { shares } => {
                ui.label(lang.pick("比例", "Shares"));
                ui.vertical(|ui| changed |= shares_ui(ui, shares, state));
                ui.end_row();
            }
            Rule::AllTo { party } => {
                ui.label(lang.pick("归属", "To"));
                if let Some(p) = party_combo(ui, "all-to", party) {
                    *party = p;
                    changed = true;
                }
                ui.end_row();
            }
            Rule::DoubleCount { parties: counted } => {
                ui.label(lang.pick("计入方", "Counted by"));
                ui.vertical(|ui| {
                    for p in parties {
                        let mut on = counted.contains(p);
                        if ui.checkbox(&mut on, project.node_name(p)).changed() {
                            if on {
                                counted.push(p.clone())
                            } else {
                                counted.retain(|c| c != p)
                            }
                            changed = true;
                        }
                    }
                });
                ui.end_row();
            }
            Rule::Increment {
                base,
                base_to,
                shares,
            } => {
                ui.label(lang.pick("基数", "Base"));
                let current = match base {
                    Base::Amount(v) => Some(*v),
                    Base::Year(_) => None,
                };
                ui.horizontal(|ui| {
                    if let Base::Year(y) = base {
                        ui.label(format!("{} {y}", lang.pick("年份", "year")));
                    } else if let Some(Some(v)) =
                        decimal_field(ui, state, &key("base"), current, 70.0, lang)
                    {
                        *base = Base::Amount(v);
                        changed = true;
                    }
                });
                ui.end_row();
                ui.label(lang.pick("基数归属", "Base stays with"));
                if let Some(p) = party_combo(ui, "base-to", base_to) {
                    *base_to = p;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("增量比例", "Increment shares"));
                ui.vertical(|ui| changed |= shares_ui(ui, shares, state));
                ui.end_row();
            }
            Rule::Capped {
                shares,
                capped_party,
                cap,
                remainder_to,
                extension_years,
            } => {
                ui.label(lang.pick("比例", "Shares"));
                ui.vertical(|ui| changed |= shares_ui(ui, shares, state));
                ui.end_row();
                ui.label(lang.pick("封顶方", "Capped party"));
                if let Some(p) = party_combo(ui, "capped", capped_party) {
                    *capped_party = p;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("封顶额", "Cap"));
                ui.horizontal(|ui| match cap {
                    Cap::PriorYears(n) => {
                        ui.label(lang.pick("迁入前年数", "years before the move"));
                        if ui.add(egui::DragValue::new(n).range(1..=10)).changed() {
                            changed = true;
                        }
                    }
                    Cap::Amount(v) => {
                        if let Some(Some(nv)) =
                            decimal_field(ui, state, &key("cap"), Some(*v), 70.0, lang)
                        {
                            *v = nv;
                            changed = true;
                        }
                    }
                });
                ui.end_row();
                ui.label(lang.pick("超出部分归", "Then all to"));
                if let Some(p) = party_combo(ui, "remainder", remainder_to) {
                    *remainder_to = p;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("未达封顶延期年数", "Extension years"));
                if ui
                    .add(egui::DragValue::new(extension_years).range(0..=10))
                    .changed()
                {
                    changed = true;
                }
                ui.end_row();
            }
            Rule::Equity => {
                ui.label("");
                ui.weak(lang.pick(
                    "按参与方股权比例分配",
                    "Split in proportion to the parties' equity",
                ));
                ui.end_row();
            }
            Rule::FixedReturn {
                rate_pct,
                recipients,
                payer,
            } => {
                ui.label(lang.pick("年回报率 %", "Rate %"));
                if let Some(Some(v)) =
                    decimal_field(ui, state, &key("rate"), Some(*rate_pct), 50.0, lang)
                {
                    *rate_pct = v;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("获得方", "Paid to"));
                ui.vertical(|ui| {
                    for p in parties {
                        let mut on = recipients.contains(p);
                        if ui.checkbox(&mut on, project.node_name(p)).changed() {
                            if on {
                                recipients.push(p.clone())
                            } else {
                                recipients.retain(|c| c != p)
                            }
                            changed = true;
                        }
                    }
                });
                ui.end_row();
                ui.label(lang.pick("支付方", "Paid by"));
                if let Some(p) = party_combo(ui, "payer", payer) {
                    *payer = p;
                    changed = true;
                }
                ui.end_row();
            }
            Rule::PerUnit {
                payer,
                payee,
                per_unit,
                units,
                ..
            } => {
                ui.label(lang.pick("单价", "Per unit"));
                if let Some(Some(v)) =
                    decimal_field(ui, state, &key("per-unit"), Some(*per_unit), 60.0, lang)
                {
                    *per_unit = v;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("数量", "Units"));
                if let Some(Some(v)) =
                    decimal_field(ui, state, &key("units"), Some(*units), 60.0, lang)
                {
                    *units = v;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("支付方", "Paid by"));
                if let Some(p) = party_combo(ui, "pu-payer", payer) {
                    *payer = p;
                    changed = true;
                }
                ui.end_row();
                ui.label(lang.pick("获得方", "Paid to"));
                if let Some(p) = party_combo(ui, "pu-payee", payee) {
                    *payee = p;
                    changed = true;
                }
                ui.end_row();
            }
        });
    changed
}

/// The schedule of one ledger and metric: table, stacked bars by year and a cumulative line.
fn schedule_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Agreement,
    s: &Schedule,
    state: &mut UiState,
    queue: &mut Queue,
    lang: Lang,
) {
    let views = schedule_views(s);
    let Some(preferred) = preferred_view(s) else {
        ui.weak(lang.pick(
            "没有可计算的年份:请添加阶段,并确认范围内企业有年度数据。",
            "Nothing to schedule: add phases, and check the firms in scope have yearly figures.",
        ));
        return;
    };
    let view = state
        .schedule_view
        .filter(|v| views.contains(v))
        .unwrap_or(preferred);
    ui.horizontal(|ui| {
        ui.label(RichText::new(lang.pick("分成表", "Schedule")).strong());
        let label = |v: &(Ledger, Metric)| format!("{} · {}", v.0.label(lang), v.1.label(lang));
        if let Some(v) = combo(ui, ("schedule-view", &a.id), &view, &views, label, 200.0) {
            state.schedule_view = Some(v);
        }
        if ui.button(lang.pick("导出 CSV…", "Export CSV…")).clicked() {
            state.schedule_view = Some(view);
            queue.commands.push(AppCommand::ExportSchedule);
        }
    });
    let rows: Vec<_> = s
        .rows
        .iter()
        .filter(|r| (r.ledger, r.metric) == view)
        .collect();
    egui::Grid::new(("schedule-table", &a.id))
        .striped(true)
        .num_columns(s.parties.len() + 2)
        .show(ui, |ui| {
            ui.strong(lang.pick("年份", "Year"));
            ui.strong(lang.pick("合计", "Total"));
            for p in &s.parties {
                ui.strong(project.node_name(p));
            }
            ui.end_row();
            for r in &rows {
                ui.label(r.year.to_string()).on_hover_text(r.note(lang));
                ui.label(format!("{:.2}", r.total));
                for p in &s.parties {
                    let v = r
                        .part(p)
                        .map(|v| format!("{v:.2}"))
                        .unwrap_or_else(|| "—".into());
                    ui.label(v);
                }
                ui.end_row();
            }
        });
    schedule_chart_ui(ui, project, s, view, lang, 220.0, &a.id, true);
    if !s.costs.is_empty() {
        ui.label(RichText::new(lang.pick("成本分担", "Cost sharing")).strong());
        egui::Grid::new(("costs-table", &a.id))
            .striped(true)
            .show(ui, |ui| {
                for c in &s.costs {
                    ui.label(format!("{} {}", c.year, c.name));
                    ui.label(format!("{:.2}", c.amount));
                    for p in &s.parties {
                        ui.label(
                            c.part(p)
                                .map(|v| format!("{v:.2}"))
                                .unwrap_or_else(|| "—".into()),
                        );
                    }
                    ui.end_row();
                }
            });
    }
}

/// The (ledger, metric) pairs a schedule has rows for, in row order.
pub fn schedule_views(s: &Schedule) -> Vec<(Ledger, Metric)> {
    let mut views: Vec<(Ledger, Metric)> = s.rows.iter().map(|r| (r.ledger, r.metric)).collect();
    views.dedup();
    views
}

/// The ledger shown first: official statistics are the host's by rule, so the ledgers the
/// contract shapes come first. None when the schedule has no rows.
pub fn preferred_view(s: &Schedule) -> Option<(Ledger, Metric)> {
    let views = schedule_views(s);
    views
        .iter()
        .copied()
        .find(|v| v.0 != Ledger::Statistics)
        .or(views.first().copied())
}

/// Stacked bars of each party's part by year, with each party's cumulative line when
/// `cumulative` (a projector shows the bars alone: the lines would squash them).
#[allow(clippy::too_many_arguments)]
pub fn schedule_chart_ui(
    ui: &mut egui::Ui,
    project: &Project,
    s: &Schedule,
    view: (Ledger, Metric),
    lang: Lang,
    height: f32,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    cumulative: bool,
) {
    let rows: Vec<_> = s
        .rows
        .iter()
        .filter(|r| (r.ledger, r.metric) == view)
        .collect();
    let mut charts: Vec<egui_plot::BarChart> = Vec::new();
    let mut lines = Vec::new();
    for (i, p) in s.parties.iter().enumerate() {
        let mut cumulative = 0.0;
        let mut points = Vec::new();
        let bars: Vec<egui_plot::Bar> = rows
            .iter()
            .map(|r| {
                let v = r.part(p).and_then(|v| v.to_f64()).unwrap_or(0.0);
                cumulative += v;
                points.push([r.year as f64, cumulative]);
                egui_plot::Bar::new(r.year as f64, v).width(0.6)
            })
            .collect();
        let name = project.node_name(p);
        let others: Vec<&egui_plot::BarChart> = charts.iter().collect();
        let chart = egui_plot::BarChart::new(name.clone(), bars)
            .color(party_colour(i))
            .stack_on(&others);
        charts.push(chart);
        lines.push(
            egui_plot::Line::new(
                format!("{name} {}", lang.pick("累计", "cumulative")),
                egui_plot::PlotPoints::from(points),
            )
            .color(party_colour(i))
            .width(2.0),
        );
    }
    egui_plot::Plot::new(("schedule-plot", id_salt))
        .height(height)
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        .y_axis_label(project.meta.unit.clone())
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
            if cumulative {
                for l in lines {
                    plot.line(l);
                }
            }
        });
}

/// The schedule rows of one ledger and metric as CSV (UTF-8 with BOM so Excel reads Chinese).
pub fn schedule_csv(project: &Project, s: &Schedule, view: (Ledger, Metric), lang: Lang) -> String {
    let quote = |t: &str| {
        if t.contains([',', '"', '\n']) {
            format!("\"{}\"", t.replace('"', "\"\""))
        } else {
            t.to_owned()
        }
    };
    let mut out = String::from("\u{feff}");
    let mut header = vec![
        lang.pick("年份", "year").to_owned(),
        lang.pick("账目", "ledger").to_owned(),
        lang.pick("指标", "metric").to_owned(),
        lang.pick("合计", "total").to_owned(),
    ];
    header.extend(s.parties.iter().map(|p| project.node_name(p)));
    header.push(lang.pick("说明", "note").to_owned());
    out.push_str(
        &header
            .iter()
            .map(|h| quote(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    for r in s.rows.iter().filter(|r| (r.ledger, r.metric) == view) {
        let mut cells = vec![
            r.year.to_string(),
            r.ledger.label(lang).to_owned(),
            r.metric.label(lang).to_owned(),
            format!("{:.2}", r.total),
        ];
        cells.extend(
            s.parties
                .iter()
                .map(|p| r.part(p).map(|v| format!("{v:.2}")).unwrap_or_default()),
        );
        cells.push(r.note(lang).to_owned());
        out.push_str(&cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// Shapley value, nucleolus and the contract side by side, computed once per revision (on a
/// worker for many parties); values that do not make a game are shown as problems, not
/// computed around.
pub fn fairness_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, state: &mut UiState) {
    let (lang, project) = (cx.lang, cx.project());
    let Some(a) = current(project, state) else {
        ui.weak(lang.pick("还没有协议。", "No agreement yet."));
        return;
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(&a.name).strong());
        let ids: Vec<AgreementId> = project.agreements.keys().cloned().collect();
        if ids.len() > 1
            && let Some(id) = combo(
                ui,
                "fair-agreement",
                &a.id,
                &ids,
                |id| {
                    project
                        .agreements
                        .get(id)
                        .map(|x| x.name.clone())
                        .unwrap_or_default()
                },
                200.0,
            )
        {
            state.agreement = Some(id);
        }
        if cx.derived.fair_busy() {
            ui.spinner();
            ui.weak(lang.pick("正在计算…", "computing…"));
        }
    });
    match cx.derived.fair(&a.id) {
        None => {
            ui.spinner();
        }
        Some(Err(problems)) => game_problems_ui(ui, project, problems, lang),
        Some(Ok(split)) => fair_split_ui(ui, split, lang),
    }
}

/// Why no fair split is shown, and what to do.
fn game_problems_ui(
    ui: &mut egui::Ui,
    project: &Project,
    problems: &[crate::sharing::benchmark::GameProblem],
    lang: Lang,
) {
    use crate::sharing::benchmark::GameProblem;
    let only_empty = problems.iter().all(|p| *p == GameProblem::NoValues);
    if !only_empty {
        ui.colored_label(
            theme::WARNING,
            lang.pick(
                "联盟价值不完整或有误,无法计算公平分成:",
                "The coalition values are incomplete or wrong; no fair split is computed:",
            ),
        );
    }
    for p in problems {
        ui.label(format!("• {}", p.message(project, lang)));
    }
    ui.weak(lang.pick(
        "在“协议分成”页为每个联盟填写价值 v(S)。",
        "Enter a value v(S) for every coalition on the Sharing tab.",
    ));
}

fn fair_split_ui(ui: &mut egui::Ui, split: &crate::sharing::benchmark::FairSplit, lang: Lang) {
    let names = &split.names;
    let columns: [(String, Option<&Vec<Q>>); 3] = [
        (
            lang.pick(
                "合同(财税分成累计比例)",
                "Contract (cumulative fiscal shares)",
            )
            .to_owned(),
            split.contract.as_ref(),
        ),
        ("Shapley".to_owned(), Some(&split.shapley)),
        (
            lang.pick("核仁", "Nucleolus").to_owned(),
            split.nucleolus.as_ref().ok(),
        ),
    ];
    egui::Grid::new("fairness")
        .striped(true)
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(lang.pick("参与方", "Party"));
            for (title, _) in &columns {
                ui.strong(title);
            }
            ui.end_row();
            for (i, name) in names.iter().enumerate() {
                ui.label(name);
                for (_, x) in &columns {
                    ui.label(
                        x.map(|x| fair::q_to_decimal_string(&x[i], 2))
                            .unwrap_or_else(|| "—".into()),
                    )
                    .on_hover_text(x.map(|x| x[i].to_string()).unwrap_or_default());
                }
                ui.end_row();
            }
            ui.label(lang.pick("在核心中?", "In the core?"));
            for check in &split.core {
                match check {
                    Some(check) if check.in_core => {
                        ui.colored_label(Color32::from_rgb(46, 139, 87), lang.pick("是", "yes"));
                    }
                    Some(check) => {
                        let worst = check
                            .blocking
                            .first()
                            .map(|(m, s)| {
                                format!(
                                    "{} +{}",
                                    split.coalition_name(*m),
                                    fair::q_to_decimal_string(s, 2)
                                )
                            })
                            .unwrap_or_default();
                        ui.colored_label(
                            theme::ERROR,
                            format!("{} ({worst})", lang.pick("否", "no")),
                        );
                    }
                    None => {
                        ui.label("—");
                    }
                }
            }
            ui.end_row();
        });
    if let Err(e) = &split.nucleolus {
        ui.colored_label(theme::WARNING, fair_error_text(e, lang));
    }
    fair_chart_ui(ui, names, &columns);
}

/// Why the nucleolus is missing, in the user's language.
fn fair_error_text(e: &fair::FairError, lang: Lang) -> String {
    match (e, lang) {
        (fair::FairError::NoImputation { singletons, grand }, Lang::Zh) => format!(
            "没有可行分配:各方单独的价值合计 {singletons},超过全体联盟的价值 v(N) = {grand}"
        ),
        (fair::FairError::NotConverged, Lang::Zh) => {
            "核仁计算未收敛(请把这组数值报告给我们)".to_owned()
        }
        (e, _) => e.to_string(),
    }
}

fn fair_chart_ui(ui: &mut egui::Ui, names: &[String], columns: &[(String, Option<&Vec<Q>>); 3]) {
    let bars: Vec<egui_plot::BarChart> = columns
        .iter()
        .enumerate()
        .filter_map(|(c, (title, x))| {
            let x = (*x)?;
            let bars = x
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    egui_plot::Bar::new(
                        i as f64 + (c as f64 - 1.0) * 0.25,
                        v.to_f64().unwrap_or(0.0),
                    )
                    .width(0.22)
                    .name(&names[i])
                })
                .collect();
            Some(egui_plot::BarChart::new(title.clone(), bars).color(party_colour(c + 3)))
        })
        .collect();
    let labels = names.to_vec();
    egui_plot::Plot::new("fairness-plot")
        .height(ui.available_height().max(180.0))
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for b in bars {
                plot.bar_chart(b);
            }
        });
}
