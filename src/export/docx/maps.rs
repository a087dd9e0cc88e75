//! The maps: 全景图 (each compared chain's reference stages and products, marked 有/弱/缺, as a
//! table shaded by status: a table stays readable and editable where a picture of the same grid
//! would be small type), 现状图 (the chain map, `export::picture`) with the stage table, and 区域
//! 分布图 (the territory map, `ui::territory::svg`) with the towns.

use super::body::{Body, Look, Page, TableCell};
use super::column_widths;
use super::content::section;
use crate::analysis::{Analysis, Status};
use crate::export::report::{self, Section};
use crate::export::{ExportError, picture};
use crate::i18n::Lang;
use crate::model::Project;
use crate::reference::compare::Comparison;

/// The longest side of a picture (pixels): sharp at 150 dpi across a landscape page.
const PICTURE_SIDE: f64 = 2400.0;

pub(super) fn maps(
    body: &mut Body,
    project: &Project,
    analysis: &Analysis,
    stages: Option<&Section>,
    lang: Lang,
) -> Result<(), ExportError> {
    let mut figure = 0;
    if !analysis.comparisons.is_empty() {
        body.heading(
            2,
            lang.pick(
                "全景图:对照参考产业链",
                "Panorama: against the reference chain",
            ),
        );
        body.para("Note", legend(lang));
        for c in &analysis.comparisons {
            panorama(body, project, c, lang);
        }
    }

    body.heading(2, lang.pick("现状图", "The chain as it is"));
    let (w, h) = picture::natural_size(project);
    let size = fitted(w, h);
    let png = picture::png(project, lang, Some(size))?;
    figure += 1;
    let caption = format!(
        "{} {figure} {}",
        lang.pick("图", "Figure"),
        lang.pick("产业链现状图", "the chain map")
    );
    body.picture(png, size, picture_box(), &caption);
    body.para("Caption", &caption);
    if let Some(s) = stages {
        section(body, s, 3, Page::Landscape);
    }

    territory(body, project, analysis, lang, figure + 1)?;
    Ok(())
}

/// The room a picture may take on a landscape page: the text width, the text height less the
/// heading and caption.
fn picture_box() -> (u32, u32) {
    let page = Page::Landscape;
    (page.text_width(), page.text_height() - 1_600)
}

/// A picture's pixels: the natural size scaled so its longer side is `PICTURE_SIDE`.
fn fitted(w: u32, h: u32) -> (u32, u32) {
    let (w, h) = (w.max(1) as f64, h.max(1) as f64);
    let scale = PICTURE_SIDE / w.max(h);
    (
        ((w * scale).round() as u32).max(1),
        ((h * scale).round() as u32).max(1),
    )
}

/// 区域分布图: the territory map and the towns, when the project has towns.
fn territory(
    body: &mut Body,
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
    figure: usize,
) -> Result<(), ExportError> {
    use crate::ui::territory::{TownColouring, svg};
    if analysis.territory.towns.is_empty() {
        return Ok(());
    }
    body.heading(2, lang.pick("区域分布图", "Where the chain is"));
    let layout = svg::export_layout(project, &analysis.territory);
    let (w, h) = svg::natural_size(&layout);
    let size = fitted(w, h);
    let png = svg::territory_png(&layout, project, lang, TownColouring::Zone, size)?;
    let caption = format!(
        "{} {figure} {}",
        lang.pick("图", "Figure"),
        lang.pick("县域空间分布图", "the territory map")
    );
    body.picture(png, size, picture_box(), &caption);
    body.para("Caption", &caption);
    for s in report::territory_sections(project, analysis, lang) {
        section(body, &s, 3, Page::Landscape);
    }
    Ok(())
}

fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "有:本县有企业,且不薄弱;弱:有本地企业,但环节无规上、专精特新或高新企业,或产品本地供应不足;缺:本县没有企业或无本地供应。",
        "Have: local firms, not weak; weak: local firms, but no 规上, 专精特新 or 高新 firm in the stage, or too little local supply of the product; lack: no local firm or no local supply.",
    )
}

/// The mark and shading of a status: 有 green, 弱 amber, 缺 red.
fn mark(status: Status, lang: Lang) -> (&'static str, &'static str, &'static str) {
    match status {
        Status::Ok => (lang.pick("有", "have"), "E2EFDA", "375623"),
        Status::Weak => (lang.pick("弱", "weak"), "FFF2CC", "7F6000"),
        Status::Missing => (lang.pick("缺", "lack"), "F8CBAD", "9C0006"),
    }
}

/// One compared chain: its summary line, then a row per reference stage (segment, stage and
/// its mark, the project's stage, each product with its mark).
fn panorama(body: &mut Body, project: &Project, c: &Comparison, lang: Lang) {
    body.heading(3, &c.summary(project, lang));
    if c.stages.is_empty() {
        return;
    }
    let stage_name = |id: &crate::model::StageId| {
        project
            .chains
            .get(&c.chain)
            .and_then(|ch| ch.stages.iter().find(|s| &s.id == id))
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let headers: Vec<String> = [
        lang.pick("链段", "segment"),
        lang.pick("参考环节", "reference stage"),
        lang.pick("状态", "status"),
        lang.pick("本链环节", "our stage"),
        lang.pick("参考产品(有/弱/缺)", "reference products (have/weak/lack)"),
    ]
    .map(str::to_owned)
    .to_vec();
    let rows: Vec<Vec<TableCell>> = c
        .stages
        .iter()
        .map(|s| {
            let (word, fill, _) = mark(s.status, lang);
            let name = match lang {
                Lang::En if !s.name_en.is_empty() => s.name_en.clone(),
                _ => s.name.clone(),
            };
            let mut products = TableCell::default();
            for (i, p) in c.products_of(&s.reference).enumerate() {
                let (word, _, ink) = mark(p.status, lang);
                let sep = if i == 0 { "" } else { "\n" };
                let required = if p.required {
                    ""
                } else {
                    lang.pick("(可选)", " (optional)")
                };
                products.runs.push((
                    format!("{sep}【{word}】"),
                    Look {
                        bold: true,
                        colour: Some(ink),
                    },
                ));
                products
                    .runs
                    .push((format!("{}{required}", p.name), Look::default()));
            }
            vec![
                TableCell::text(s.segment.label(lang)),
                TableCell::text(name),
                TableCell {
                    fill: Some(fill),
                    ..TableCell::text(word)
                },
                TableCell::text(s.project.as_ref().map(&stage_name).unwrap_or_default()),
                products,
            ]
        })
        .collect();
    let widths = column_widths(&headers, &rows, Page::Landscape.text_width());
    body.table(&headers, &rows, &widths);
}
