//! The figures of a comparison, before and after, with the change coloured (better green, worse
//! red where "better" is clear: a higher rate, fewer gaps).

use crate::i18n::Lang;
use crate::scenario::compare::{FigureKind, format_value};
use crate::ui::compare::CompareResult;
use crate::ui::compare::{ADDED_TEXT, REMOVED_TEXT};
use egui::RichText;

/// Width of a value column.
const VALUE_W: f32 = 72.0;
/// How wide a label may be, in columns (a Chinese character takes two): a figure's name whole, a
/// long stage or party name cut with "…" (whole on hover). Grid cells take the width of what is
/// in them, so the cut is made in the text.
const LABEL_COLUMNS: usize = 32;

pub(super) fn figures_ui(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    // Cells take the width of their text (cut in `label_cell`), not the last frame's width.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    let f = &result.figures;
    ui.strong(match (f.year, lang) {
        (Some(y), Lang::Zh) => format!("指标({y} 年)"),
        (Some(y), Lang::En) => format!("Figures ({y})"),
        (None, _) => lang.pick("指标", "Figures").to_owned(),
    });
    egui::Grid::new("compare-figures")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            header(ui, result, lang);
            for fig in &f.figures {
                let higher_better = !fig.code.starts_with("gaps");
                row(
                    ui,
                    fig.label(lang),
                    (fig.a, fig.b),
                    fig.kind,
                    Some(higher_better),
                );
            }
        });
    let stages: Vec<_> = f.stage_rates.iter().filter(|s| s.changed()).collect();
    if !stages.is_empty() {
        ui.add_space(8.0);
        ui.strong(lang.pick("各环节本地配套率", "Local supporting rate by stage"));
        egui::Grid::new("compare-stages")
            .num_columns(4)
            .striped(true)
            .spacing([10.0, 3.0])
            .show(ui, |ui| {
                for s in stages {
                    row(
                        ui,
                        s.name(lang),
                        (s.a, s.b),
                        FigureKind::Percent,
                        Some(true),
                    );
                }
            });
    }
    gaps_ui(ui, result, lang);
    leaders_ui(ui, result, lang);
    classes_ui(ui, result, lang);
    towns_ui(ui, result, lang);
    agreements_ui(ui, result, lang);
}

fn header(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    ui.weak(lang.pick("指标", "Figure"));
    ui.add_sized(
        [VALUE_W, 16.0],
        egui::Label::new(RichText::new(&result.before).weak()).truncate(),
    );
    ui.add_sized(
        [VALUE_W, 16.0],
        egui::Label::new(RichText::new(&result.after).weak()).truncate(),
    );
    ui.weak(lang.pick("变化", "Change"));
    ui.end_row();
}

/// One figure: label, before, after, and the change (coloured when `higher_better` says
/// which way is better).
fn row(
    ui: &mut egui::Ui,
    label: &str,
    (a, b): (Option<f64>, Option<f64>),
    kind: FigureKind,
    higher_better: Option<bool>,
) {
    label_cell(ui, label);
    ui.label(format_value(a, kind));
    ui.label(format_value(b, kind));
    let change = match (a, b) {
        (Some(a), Some(b)) if (b - a).abs() > 1e-9 => Some(b - a),
        _ => None,
    };
    match change {
        Some(d) => {
            let text = match kind {
                FigureKind::Percent => format!("{:+.1} pp", d * 100.0),
                FigureKind::Count => format!("{d:+.0}"),
                FigureKind::Amount => format!("{d:+.2}"),
            };
            let colour = match higher_better {
                Some(true) if d > 0.0 => ADDED_TEXT,
                Some(false) if d < 0.0 => ADDED_TEXT,
                Some(_) => REMOVED_TEXT,
                None => ui.visuals().text_color(),
            };
            ui.label(RichText::new(text).color(colour).strong());
        }
        None if a.is_some() != b.is_some() => {
            ui.label("—");
        }
        None => {
            ui.weak("=");
        }
    }
    ui.end_row();
}

/// A label cut with "…" past `LABEL_COLUMNS` columns, whole on hover.
fn label_cell(ui: &mut egui::Ui, text: &str) {
    let columns = |c: char| if c.is_ascii() { 1 } else { 2 };
    if text.chars().map(columns).sum::<usize>() <= LABEL_COLUMNS {
        ui.label(text);
        return;
    }
    let mut used = 0;
    let cut: String = text
        .chars()
        .take_while(|c| {
            used += columns(*c);
            used < LABEL_COLUMNS
        })
        .collect();
    ui.label(format!("{cut}…")).on_hover_text(text);
}

fn gaps_ui(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    let f = &result.figures;
    for (list, title, colour) in [
        (
            &f.gaps_closed,
            lang.pick("补上的缺口", "Gaps closed"),
            ADDED_TEXT,
        ),
        (
            &f.gaps_opened,
            lang.pick("新出现的缺口", "Gaps opened"),
            REMOVED_TEXT,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        ui.strong(format!("{title}({})", list.len()));
        for gap in list {
            ui.add(egui::Label::new(RichText::new(gap.label(lang)).color(colour)).truncate());
        }
    }
}

fn leaders_ui(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    let leaders = &result.figures.leaders;
    if leaders.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(lang.pick("链主排名变化", "Leader ranking changes"));
    let rank = |r: Option<usize>| r.map_or_else(|| "—".to_owned(), |r| format!("#{r}"));
    for l in leaders {
        ui.add(
            egui::Label::new(format!(
                "{}  {} → {}",
                l.name,
                rank(l.rank_a),
                rank(l.rank_b)
            ))
            .truncate(),
        );
    }
}

fn classes_ui(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    let classes = &result.figures.land_classes;
    if classes.iter().all(|c| c.a == c.b) {
        return;
    }
    ui.add_space(8.0);
    ui.strong(lang.pick("亩均效益分类(企业数)", "Land-efficiency classes (firms)"));
    let line: Vec<String> = classes
        .iter()
        .filter(|c| c.a != 0 || c.b != 0)
        .map(|c| format!("{} {} → {}", c.label(lang), c.a, c.b))
        .collect();
    ui.label(line.join("   "));
}

fn towns_ui(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    let towns: Vec<_> = result
        .figures
        .towns
        .iter()
        .filter(|t| t.changed())
        .collect();
    if towns.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(lang.pick("各镇占全县产值比重", "Towns' share of county output"));
    egui::Grid::new("compare-towns")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for t in &towns {
                row(
                    ui,
                    &t.name,
                    (t.share_a, t.share_b),
                    FigureKind::Percent,
                    None,
                );
            }
        });
    // Specialisation (区位熵 LQ ≥ 1.5) gained or lost.
    for t in towns.iter().filter(|t| t.specialised_a != t.specialised_b) {
        let names = |s: &Option<Vec<crate::model::Segment>>| match s.as_deref() {
            None | Some([]) => "—".to_owned(),
            Some(list) => list
                .iter()
                .map(|g| g.label(lang))
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", ")),
        };
        ui.label(format!(
            "{} {}:{} → {}",
            t.name,
            lang.pick("专业化(区位熵 ≥ 1.5)", "specialised in (LQ ≥ 1.5)"),
            names(&t.specialised_a),
            names(&t.specialised_b)
        ));
    }
}

fn agreements_ui(ui: &mut egui::Ui, result: &CompareResult, lang: Lang) {
    for agreement in result.figures.agreements.iter().filter(|a| a.changed()) {
        ui.add_space(8.0);
        let note = match (agreement.in_a, agreement.in_b, lang) {
            (true, false, Lang::Zh) => "(仅在前)",
            (true, false, Lang::En) => " (before only)",
            (false, true, Lang::Zh) => "(仅在后)",
            (false, true, Lang::En) => " (after only)",
            _ => "",
        };
        ui.strong(format!("{}{note} · {}", agreement.name, agreement.year));
        egui::Grid::new(("compare-agreement", &agreement.id))
            .num_columns(4)
            .striped(true)
            .spacing([10.0, 3.0])
            .show(ui, |ui| {
                for part in agreement.parts.iter().filter(|p| p.changed()) {
                    let label = format!("{} · {}", part.party_name, part.title(lang));
                    let value = |d: Option<rust_decimal::Decimal>| {
                        d.and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d))
                    };
                    row(
                        ui,
                        &label,
                        (value(part.a), value(part.b)),
                        FigureKind::Amount,
                        None,
                    );
                }
            });
    }
}
