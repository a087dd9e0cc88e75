//! The phases of an agreement: for each, its name, ledger and metric, when it starts and how
//! long it lasts, and which kind of rule it follows (the rule's own fields are in `rules`);
//! adding and deleting phases.

use super::form::{Form, combo, drag_field, field_name, optional_text_field};
use super::rules::rule_rows_ui;
use crate::model::{
    Ledger, Metric, Phase, PhaseStart, PhaseStartKind, RuleKind, TaxBasis, TaxType, default_rule,
};
use egui::RichText;

/// Every phase, folded under a header that sums it up, and a button to add one.
pub(super) fn phases_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    ui.separator();
    ui.label(RichText::new(form.pick("阶段与规则", "Phases and rules")).strong());
    for phase in &a.phases {
        let years = a.phase_years(phase).map(|(f, l)| match l {
            Some(l) => format!("{f}–{l}"),
            None => format!("{f}–"),
        });
        let metric = if phase.splits_tax() && !phase.basis.is_total() {
            format!(
                "{}({})",
                phase.metric.label(form.lang),
                phase.basis.label(form.lang)
            )
        } else {
            phase.metric.label(form.lang).to_owned()
        };
        let header = format!(
            "{} · {} · {metric} · {}{}",
            title(phase),
            phase.ledger.label(form.lang),
            years.unwrap_or_else(|| "?".into()),
            if phase.per_firm {
                form.pick(" · 按企业", " · per firm")
            } else {
                ""
            }
        );
        egui::CollapsingHeader::new(header)
            .id_salt(("phase", &a.id, &phase.id))
            .show(ui, |ui| {
                phase_fields_ui(ui, form, phase);
                if ui
                    .button(form.pick("删除此阶段", "Delete this phase"))
                    .on_hover_text(title(phase))
                    .clicked()
                {
                    let id = phase.id.clone();
                    form.remove(move |a| a.phases.retain(|p| p.id != id));
                }
            });
    }
    if ui.button(form.pick("添加阶段", "Add phase")).clicked() {
        let phase = a.new_phase();
        form.change(move |a| a.phases.push(phase));
    }
}

/// What a phase is called on screen: its name, else its id.
pub(super) fn title(phase: &Phase) -> &str {
    if phase.name.is_empty() {
        phase.id.as_str()
    } else {
        phase.name.as_str()
    }
}

/// Name, ledger, metric, start, years, the kind of rule and the rule's fields, in one grid.
fn phase_fields_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let (a, lang, item) = (form.a, form.lang, title(phase));
    let part = format!("phase:{}", phase.id);
    egui::Grid::new(("phase-grid", &a.id, &phase.id))
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(form.pick("名称", "Name"));
            let (key, name) = (
                form.key(&part, "name"),
                field_name(form.pick("阶段名称", "Phase name"), item),
            );
            if let Some(text) = optional_text_field(ui, form, &key, &phase.name, 140.0, &name) {
                form.change_phase(&phase.id, None, move |p| p.name = text);
            }
            ui.end_row();
            ledger_metric_rows_ui(ui, form, phase);
            if phase.splits_tax() {
                ui.label(form.pick("税基", "Tax basis"));
                ui.horizontal(|ui| basis_ui(ui, form, phase));
                ui.end_row();
                ui.label(form.pick("计入税种", "Taxes counted"));
                ui.horizontal(|ui| tax_types_ui(ui, form, phase));
                ui.end_row();
            }
            ui.label("");
            per_firm_ui(ui, form, phase);
            ui.end_row();
            ui.label(form.pick("开始", "Starts"));
            ui.horizontal(|ui| start_ui(ui, form, phase));
            ui.end_row();
            ui.label(form.pick("年限", "Years"));
            ui.horizontal(|ui| years_ui(ui, form, phase));
            ui.end_row();
            ui.label(form.pick("规则", "Rule"));
            let name = field_name(form.pick("规则", "Rule"), item);
            let kinds = |k: &RuleKind| k.label(lang).to_owned();
            let salt = ("rule", &a.id, &phase.id);
            let kind = phase.rule.kind();
            if let Some(kind) = combo(ui, salt, &kind, &RuleKind::ALL, kinds, 160.0, &name) {
                let rule = default_rule(kind, &a.party_ids());
                form.change_phase(&phase.id, None, move |p| p.rule = rule);
            }
            ui.end_row();
            rule_rows_ui(ui, form, phase);
        });
}

/// The ledger (quotas have their own section, so not that one) and the metric split.
fn ledger_metric_rows_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let (a, lang, item) = (form.a, form.lang, title(phase));
    ui.label(form.pick("账目", "Ledger"));
    let name = field_name(form.pick("账目", "Ledger"), item);
    let ledgers = |l: &Ledger| l.label(lang).to_owned();
    let options: Vec<Ledger> = Ledger::ALL
        .into_iter()
        .filter(|l| *l != Ledger::Quota || phase.ledger == Ledger::Quota)
        .collect();
    let salt = ("ledger", &a.id, &phase.id);
    if let Some(l) = combo(ui, salt, &phase.ledger, &options, ledgers, 140.0, &name) {
        form.change_phase(&phase.id, None, move |p| p.set_ledger_metric(l, p.metric));
    }
    ui.end_row();
    ui.label(form.pick("指标", "Metric"));
    let name = field_name(form.pick("指标", "Metric"), item);
    let metrics = |m: &Metric| m.label(lang).to_owned();
    let salt = ("metric", &a.id, &phase.id);
    if let Some(m) = combo(ui, salt, &phase.metric, &Metric::ALL, metrics, 140.0, &name) {
        form.change_phase(&phase.id, None, move |p| p.set_ledger_metric(p.ledger, m));
    }
    ui.end_row();
}

/// Which part of the tax a fiscal phase splits, and what that part is of each tax type under
/// the project's tax sharing.
fn basis_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let (a, lang, item) = (form.a, form.lang, title(phase));
    let name = field_name(form.pick("税基", "Tax basis"), item);
    let labels = |b: &TaxBasis| b.label(lang).to_owned();
    let salt = ("basis", &a.id, &phase.id);
    let hover = form.pick(
        "地方留成:中央分享以下的全部(省、市、县三级合计);县级留成:只算县级财政的部分;\
         税收总额:企业缴纳的全部税收(实际协议很少这样分)。各级比例在“项目属性 → 税收分享”中设置。",
        "Local retained: everything below the central share (province, city and county \
         together); county retained: the county tier's part only; total: all the tax a firm \
         pays (rarely what a deal splits). The tiers' shares are set in Project properties → \
         Tax sharing.",
    );
    ui.scope(|ui| {
        if let Some(b) = combo(ui, salt, &phase.basis, &TaxBasis::ALL, labels, 110.0, &name) {
            form.change_phase(&phase.id, None, move |p| p.basis = b);
        }
    })
    .response
    .on_hover_text(hover);
    if !phase.basis.is_total() {
        let sharing = &form.project().meta.tax_sharing;
        let parts: Vec<String> = TaxType::ALL
            .iter()
            .filter(|t| phase.counts_tax(**t))
            .map(|t| {
                format!(
                    "{} {}%",
                    t.label(lang),
                    phase.basis.pct(sharing, *t).normalize()
                )
            })
            .collect();
        ui.weak(parts.join(" · ")).on_hover_text(hover);
    }
}

/// Which tax types the phase counts, one checkbox each (all ticked = every type; the last
/// ticked one cannot be cleared: a phase counting no tax splits nothing).
fn tax_types_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let hover = form.pick(
        "京津冀 92号 只分享增值税和企业所得税(原营业税已取消),不含其他税种;全选即计入全部税收",
        "京津冀 92号 shares VAT and corporate income tax only (the business tax is gone), not \
         the other taxes; all ticked counts every tax",
    );
    for tax in TaxType::ALL {
        let mut on = phase.counts_tax(tax);
        let last = on
            && TaxType::ALL
                .iter()
                .filter(|t| phase.counts_tax(**t))
                .count()
                == 1;
        let name = field_name(tax.label(form.lang), title(phase));
        let changed = ui
            .add_enabled_ui(!last, |ui| ui.checkbox(&mut on, tax.label(form.lang)))
            .inner
            .on_hover_text(hover)
            .accessible_name(name)
            .changed();
        if changed {
            let mut types: Vec<TaxType> = TaxType::ALL
                .into_iter()
                .filter(|t| if *t == tax { on } else { phase.counts_tax(*t) })
                .collect();
            if types.len() == TaxType::ALL.len() {
                types.clear();
            }
            form.change_phase(&phase.id, None, move |p| p.tax_types = types);
        }
    }
}

/// Whether the phase runs for each firm from its own move (京津冀 92号).
fn per_firm_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let mut on = phase.per_firm;
    let name = field_name(form.pick("按企业分别计算", "Per firm"), title(phase));
    let hover = form.pick(
        "京津冀 92号 的做法:每家迁入企业从自己的迁入、投产年份起分别计算资格、年限、封顶和延期;\
         各企业的年份在“企业迁入与投产年份”中填写",
        "As 京津冀 92号 does: each relocated firm's eligibility, years, cap and extension \
         count from its own move and production; the firms' years are under \
         “Firms' move and production years”",
    );
    if ui
        .checkbox(&mut on, form.pick("按企业分别计算", "Per firm"))
        .on_hover_text(hover)
        .accessible_name(name)
        .changed()
    {
        form.change_phase(&phase.id, None, move |p| p.per_firm = on);
    }
}

/// What the start is anchored to, and the year or N, dragged.
fn start_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let (a, lang, item) = (form.a, form.lang, title(phase));
    let name = field_name(form.pick("开始方式", "Start kind"), item);
    let kinds = |k: &PhaseStartKind| k.label(lang).to_owned();
    let salt = ("start", &a.id, &phase.id);
    let kind = phase.start.kind();
    if let Some(kind) = combo(ui, salt, &kind, &PhaseStartKind::ALL, kinds, 150.0, &name) {
        let start = PhaseStart::of_kind(kind, a.signed_year);
        form.change_phase(&phase.id, None, move |p| p.start = start);
    }
    let key = form.key(&format!("phase:{}", phase.id), "start");
    let name = field_name(form.pick("开始", "Starts"), item);
    if let Some(v) = drag_field(ui, &key, phase.start.number(), 0..=2200, &name) {
        let start = phase.start.with_number(v);
        form.change_phase(&phase.id, Some(&key), move |p| p.start = start);
    }
}

/// Open-ended, or a number of years, dragged.
fn years_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let item = title(phase);
    let mut open = phase.years.is_none();
    let name = field_name(form.pick("不限", "Open-ended"), item);
    if ui
        .checkbox(&mut open, form.pick("不限", "Open-ended"))
        .accessible_name(name)
        .changed()
    {
        form.change_phase(&phase.id, None, move |p| {
            p.years = if open { None } else { Some(5) }
        });
    }
    if let Some(n) = phase.years {
        let key = form.key(&format!("phase:{}", phase.id), "years");
        let name = field_name(form.pick("年限", "Years"), item);
        if let Some(n) = drag_field(ui, &key, n, 1..=100, &name) {
            form.change_phase(&phase.id, Some(&key), move |p| p.years = Some(n));
        }
    }
}
