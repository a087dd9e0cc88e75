//! The report: gap analysis, leaders, land efficiency and split schedules with the map, as
//! Markdown (the picture beside it as a file) or as one self-contained HTML file (the picture
//! inline as SVG).

use super::tables::{Cell, DataTable, TableName, table};
use crate::analysis::{Analysis, percent};
use crate::i18n::Lang;
use crate::model::Project;

/// How many leader candidates the report lists.
const LEADERS_SHOWN: usize = 10;

/// A section: a heading, some lines of text, maybe a table.
pub(super) struct Section {
    pub(super) heading: String,
    pub(super) lines: Vec<String>,
    pub(super) table: Option<DataTable>,
}

pub(super) fn sections(project: &Project, analysis: &Analysis, lang: Lang) -> Vec<Section> {
    let c = &analysis.completeness;
    let mut out = vec![Section {
        heading: lang.pick("概况", "Summary").to_owned(),
        lines: vec![
            format!(
                "{}: {}/{} ({})",
                lang.pick("环节覆盖", "Stage coverage"),
                c.stages_covered,
                c.stages_total,
                percent(c.stage)
            ),
            format!(
                "{}: {}/{} ({})",
                lang.pick("产品完整度", "Product completeness"),
                c.products_covered,
                c.products_required,
                percent(c.product)
            ),
            format!(
                "{}: {}",
                lang.pick("本地配套率", "Local supporting rate"),
                percent(analysis.local_supporting_rate)
            ),
            format!(
                "{}: {} · {}: {}",
                lang.pick("节点", "Nodes"),
                project.nodes.len(),
                lang.pick("连线", "Links"),
                project.links.len()
            ),
        ],
        table: None,
    }];
    let stage_rows = analysis
        .stages
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.id.to_string()),
                Cell::Text(s.name.clone()),
                Cell::Text(s.segment.label(lang).to_owned()),
                Cell::Text(s.local_enterprises.len().to_string()),
                Cell::Float(s.output),
                Cell::Text(percent(s.local_supporting_rate)),
                Cell::Text(s.status.label(lang).to_owned()),
            ]
        })
        .collect();
    out.push(Section {
        heading: lang.pick("环节", "Stages").to_owned(),
        lines: Vec::new(),
        table: Some(DataTable {
            name: TableName::Gaps,
            headers: [
                lang.pick("编号", "code"),
                lang.pick("环节", "stage"),
                lang.pick("链段", "segment"),
                lang.pick("本地企业", "local firms"),
                lang.pick("产值", "output"),
                lang.pick("本地配套率", "local supply"),
                lang.pick("状态", "status"),
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: stage_rows,
        }),
    });
    out.push(gaps_section(project, analysis, lang));
    // Issue 18: the 招商 list, when the project has candidates.
    if !project.candidates.is_empty() {
        out.push(Section {
            heading: format!("{} ({})", lang.pick("招商清单", "Firms to attract (招商)"), project.candidates.len()),
            lines: vec![lang.pick(
                "得分 = 缺口优先级 × 匹配度;匹配度 = 产品匹配 × (0.6 + 0.25 × 规模 + 0.15 × 资质),见 docs/INDICATORS.md;无缺口的企业(本县已有供应)排在所有补缺企业之后",
                "Score = gap priority × fit; fit = product match × (0.6 + 0.25 × size + 0.15 × tags), see docs/INDICATORS.md; firms with no gap (the county already supplies what they make) come after every gap filler",
            ).to_owned()],
            table: Some(table(project, analysis, TableName::Targets, lang)),
        });
    }
    let mut leaders = table(project, analysis, TableName::Leaders, lang);
    leaders.rows.truncate(LEADERS_SHOWN);
    out.extend(evaluation_sections(project, analysis, leaders, lang));
    // Issue 20: towns, concentration in parks, the 主体功能区 check.
    out.extend(territory_sections(project, analysis, lang));
    for a in project.agreements.values() {
        out.push(schedule_section(project, a, lang));
    }
    out
}

/// One agreement's schedule: a row per year, ledger and metric (and firm, for per-firm phases),
/// a column per party; the tax basis when a phase splits a retained part; the note, which
/// carries the mark of assessment figures that may not be published.
pub(super) fn schedule_section(
    project: &Project,
    a: &crate::model::Agreement,
    lang: Lang,
) -> Section {
    let s = crate::sharing::schedule(project, a, None, None);
    let with_basis = s
        .rows
        .iter()
        .any(|r| r.tax_basis().is_some_and(|b| !b.is_total()));
    let with_firm = s.rows.iter().any(|r| r.firm.is_some());
    let mut headers = vec![
        lang.pick("年份", "year").to_owned(),
        lang.pick("账目", "ledger").to_owned(),
        lang.pick("指标", "metric").to_owned(),
    ];
    if with_basis {
        headers.push(lang.pick("计税基础", "basis").to_owned());
    }
    if with_firm {
        headers.push(lang.pick("企业", "firm").to_owned());
    }
    headers.push(lang.pick("合计", "total").to_owned());
    headers.extend(s.parties.iter().map(|p| project.node_name(p)));
    headers.push(lang.pick("说明", "note").to_owned());
    let rows = s
        .rows
        .iter()
        .map(|r| {
            let metric = match r.unit(lang) {
                Some(unit) => format!("{}({unit})", r.metric.label(lang)),
                None => r.metric.label(lang).to_owned(),
            };
            let mut row = vec![
                Cell::Text(r.year.to_string()),
                Cell::Text(r.ledger.label(lang).to_owned()),
                Cell::Text(metric),
            ];
            if with_basis {
                let basis = r.tax_basis().map(|b| b.label(lang)).unwrap_or_default();
                row.push(Cell::Text(basis.to_owned()));
            }
            if with_firm {
                // A payment among per-firm rows is about no firm; a total row sums the firms.
                let firm = match &r.firm {
                    Some(f) => project.node_name(f),
                    None if r.transfer => "—".to_owned(),
                    None => lang.pick("合计", "total").to_owned(),
                };
                row.push(Cell::Text(firm));
            }
            row.push(Cell::Number(r.total));
            row.extend(
                s.parties
                    .iter()
                    .map(|p| r.part(p).map(Cell::Number).unwrap_or(Cell::Empty)),
            );
            row.push(Cell::Text(r.note(lang).to_owned()));
            row
        })
        .collect();
    let mut lines = vec![format!(
        "{}: {}",
        lang.pick("单位", "Unit"),
        crate::i18n::money_unit(&project.meta.unit, lang)
    )];
    if s.rows.iter().any(|r| r.assessment_only) {
        lines.push(
            lang.pick(
                "标有“仅用于考核，不对外发布”的考核数据由各方全额重复计入,不得对外发布。",
                "Rows marked \"for assessment only, not for publication\" are counted in full by every party and may not be published.",
            )
            .to_owned(),
        );
    }
    Section {
        heading: format!("{}:{}", lang.pick("协议分成", "Split schedule"), a.name),
        lines,
        table: Some(DataTable {
            name: TableName::Schedules,
            headers,
            rows,
        }),
    }
}

/// The 链主, 亩均 and indicator sections (issue 16), each with the rule it follows.
/// The gaps, most pressing first: rank, score and what it is made of, the finding and what to
/// do; with the comparison with each reference chain in a line, and how the score is reached.
pub(super) fn gaps_section(project: &Project, analysis: &Analysis, lang: Lang) -> Section {
    let mut lines: Vec<String> = analysis
        .comparisons
        .iter()
        .map(|c| c.summary(project, lang))
        .collect();
    lines.push(
        lang.pick(
            "按优先级排列。得分 0–100 = 涉及供应额(40)、本地买方数(25)、链主依赖(20)、供应集中度(15,仅薄弱与风险供应)的加权,供应额与买方数以各缺口中最大者为 1。",
            "Most pressing first. Score 0–100 weighs the supply at stake (40), local buyers (25), whether a 链主 depends (20) and, for weak or at-risk supply, its concentration (15); supply and buyers relative to the largest among the gaps.",
        )
        .to_owned(),
    );
    let unit = &project.meta.unit;
    let rows = analysis
        .gaps
        .iter()
        .map(|g| {
            vec![
                Cell::Text(g.priority.rank.to_string()),
                Cell::Text(format!("{:.1}", g.priority.score)),
                Cell::Text(g.class.action(lang).to_owned()),
                Cell::Text(g.stage_name(project, lang)),
                Cell::Text(g.product.clone().unwrap_or_default()),
                Cell::Text(g.message(lang).to_owned()),
                Cell::Text(g.priority_parts(unit, lang)),
                Cell::Text(g.advice(lang).to_owned()),
            ]
        })
        .collect::<Vec<_>>();
    Section {
        heading: format!("{} ({})", lang.pick("缺口", "Gaps"), rows.len()),
        lines,
        table: Some(DataTable {
            name: TableName::Gaps,
            headers: [
                lang.pick("名次", "rank"),
                lang.pick("得分", "score"),
                lang.pick("对策", "action"),
                lang.pick("环节", "stage"),
                lang.pick("产品", "product"),
                lang.pick("说明", "finding"),
                lang.pick("得分构成", "score parts"),
                lang.pick("建议", "advice"),
            ]
            .map(str::to_owned)
            .to_vec(),
            rows,
        }),
    }
}

pub(super) fn evaluation_sections(
    project: &Project,
    analysis: &Analysis,
    leaders: DataTable,
    lang: Lang,
) -> Vec<Section> {
    let mut sections = Vec::new();
    let criteria = &project.meta.leader_criteria;
    let w = &criteria.weights;
    sections.push(Section {
        heading: lang.pick("链主候选", "Chain-leader candidates").to_owned(),
        lines: vec![match lang {
            Lang::Zh => format!(
                "条件:本县规上企业,营收 ≥ {} {};得分 = 各分项(除以候选中最大值)加权:营收占比 {}、本地配套 {}、联农带农 {}、研发强度 {}、枢纽位置 {}",
                criteria.min_revenue,
                crate::i18n::money_unit(&project.meta.unit, lang),
                w.revenue_share, w.local_suppliers, w.farmers, w.rd_intensity, w.hub
            ),
            Lang::En => format!(
                "Criteria: local, above scale, revenue ≥ {} {}; score = weighted parts (each over the largest among candidates): revenue share {}, local suppliers {}, farmers {}, R&D intensity {}, hub {}",
                criteria.min_revenue,
                crate::i18n::money_unit(&project.meta.unit, lang),
                w.revenue_share, w.local_suppliers, w.farmers, w.rd_intensity, w.hub
            ),
        }],
        table: Some(leaders),
    });
    let lw = &project.meta.land_weights;
    sections.push(Section {
        heading: lang.pick("亩均效益评价", "Land-efficiency evaluation (亩均)").to_owned(),
        lines: vec![match lang {
            Lang::Zh => format!(
                "工业用地、正常经营企业,规上规下分组;指标得分 = 权重 × min(值 ÷ 组平均, 2),权重 亩均税收 {}、亩均增加值 {}、单位能耗增加值 {}、单位排放增加值 {}、全员劳动生产率 {}、研发投入占比 {};组内排名前 25% 为 A,末 5% 为 D,其后 50% 为 B,其余为 C",
                lw.tax_per_mu, lw.va_per_mu, lw.va_per_energy, lw.va_per_emission, lw.labour_productivity, lw.rd_share
            ),
            Lang::En => format!(
                "Operating firms on industrial land, above and below scale apart; indicator score = weight × min(value ÷ group average, 2), weights tax per mu {}, value added per mu {}, per tce {}, per t emitted {}, labour productivity {}, R&D share {}; by rank in the group: top 25 % A, bottom 5 % D, the next 50 % B, the rest C",
                lw.tax_per_mu, lw.va_per_mu, lw.va_per_energy, lw.va_per_emission, lw.labour_productivity, lw.rd_share
            ),
        }],
        table: Some(table(project, analysis, TableName::Land, lang)),
    });
    sections.push(Section {
        heading: lang.pick("指标", "Indicators").to_owned(),
        lines: Vec::new(),
        table: Some(table(project, analysis, TableName::Indicators, lang)),
    });
    sections
}

/// The territory (issue 20): the towns' table under the definitions and the concentration in
/// parks; the 主体功能区 warnings, when there are any, as a table of their own.
pub(super) fn territory_sections(
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
) -> Vec<Section> {
    let t = &analysis.territory;
    let mut lines = vec![lang.pick(
        "本地企业产值按首个环节计;企业所在镇 = 其所在地区(镇、街道,或村所属的镇),否则其入驻园区所在的镇。区位熵 = (镇内该链段产值 ÷ 镇产值) ÷ (全县该链段产值 ÷ 全县产值),≥ 1.5 为专业化;符合定位 = 该镇定位对应用地类型(工业重镇:工矿仓储,农业大镇:农用地,商贸强镇:商服,文旅名镇:生态相容)的环节区位熵 ≥ 1。见 docs/INDICATORS.md。",
        "Local firms' output, each counted in its first stage; a firm's town is its region when that is a town or street (or its village's town), else its park's town. LQ = (town's output in the segment ÷ town's output) ÷ (county's output in the segment ÷ county's output); ≥ 1.5 reads as specialised. A town fits its class when the LQ of the stages of its class's land use (industrial town: industrial, agricultural town: agricultural, commercial town: service, tourism town: eco-compatible) is ≥ 1. See docs/INDICATORS.md.",
    ).to_owned()];
    lines.extend(t.summary_lines(lang));
    let mut sections = vec![Section {
        heading: t.heading(lang),
        lines,
        table: Some(table(project, analysis, TableName::Towns, lang)),
    }];
    if !t.zone_warnings.is_empty() {
        sections.push(Section {
            heading: format!(
                "{} ({})",
                lang.pick("主体功能区提示", "Main function zone warnings"),
                t.zone_warnings.len()
            ),
            lines: Vec::new(),
            table: Some(table(project, analysis, TableName::ZoneWarnings, lang)),
        });
    }
    sections
}

fn title(project: &Project, lang: Lang) -> String {
    format!(
        "{} — {}",
        project.meta.name,
        lang.pick("产业链分析报告", "chain analysis report")
    )
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown; the map is the picture file `picture` beside it.
pub fn markdown(project: &Project, analysis: &Analysis, lang: Lang, picture: &str) -> String {
    let mut s = format!("# {}\n\n", md_cell(&title(project, lang)));
    if !project.meta.description.is_empty() {
        s.push_str(&format!("{}\n\n", project.meta.description));
    }
    s.push_str(&format!(
        "![{}]({picture})\n\n",
        lang.pick("产业链图", "Chain map")
    ));
    for section in sections(project, analysis, lang) {
        s.push_str(&format!("## {}\n\n", md_cell(&section.heading)));
        for line in &section.lines {
            s.push_str(&format!("- {}\n", md_cell(line)));
        }
        if !section.lines.is_empty() {
            s.push('\n');
        }
        if let Some(t) = &section.table {
            if t.rows.is_empty() {
                s.push_str(&format!("{}\n\n", lang.pick("(无)", "(none)")));
                continue;
            }
            s.push_str(&format!(
                "| {} |\n",
                t.headers
                    .iter()
                    .map(|h| md_cell(h))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            s.push_str(&format!("|{}\n", "---|".repeat(t.headers.len())));
            for row in &t.rows {
                s.push_str(&format!(
                    "| {} |\n",
                    row.iter()
                        .map(|c| md_cell(&c.as_text()))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
            }
            s.push('\n');
        }
    }
    s
}

/// The report as one HTML file: styles and the map (SVG) inline, nothing to fetch.
pub fn html(project: &Project, analysis: &Analysis, lang: Lang, svg: &str) -> String {
    use super::picture::xml_escape as esc;
    let mut s = String::new();
    s.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n",
        lang.pick("zh-CN", "en"),
        esc(&title(project, lang))
    ));
    s.push_str(
        "<style>\nbody{font-family:'Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;\
         margin:2em auto;max-width:1200px;color:#282c34;line-height:1.5}\n\
         h1{font-size:1.7em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}\n\
         table{border-collapse:collapse;font-size:.9em;margin:.5em 0}\n\
         th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}\n\
         th{background:#f0f2f5}td.n{text-align:right}\n\
         figure{margin:1em 0;overflow:auto}figure svg{max-width:100%;height:auto}\n</style>\n</head>\n<body>\n",
    );
    s.push_str(&format!("<h1>{}</h1>\n", esc(&title(project, lang))));
    if !project.meta.description.is_empty() {
        s.push_str(&format!("<p>{}</p>\n", esc(&project.meta.description)));
    }
    s.push_str("<figure>\n");
    s.push_str(svg);
    s.push_str("</figure>\n");
    for section in sections(project, analysis, lang) {
        s.push_str(&format!("<h2>{}</h2>\n", esc(&section.heading)));
        if !section.lines.is_empty() {
            s.push_str("<ul>\n");
            for line in &section.lines {
                s.push_str(&format!("<li>{}</li>\n", esc(line)));
            }
            s.push_str("</ul>\n");
        }
        if let Some(t) = &section.table {
            if t.rows.is_empty() {
                s.push_str(&format!("<p>{}</p>\n", lang.pick("(无)", "(none)")));
                continue;
            }
            s.push_str("<table>\n<tr>");
            for h in &t.headers {
                s.push_str(&format!("<th>{}</th>", esc(h)));
            }
            s.push_str("</tr>\n");
            for row in &t.rows {
                s.push_str("<tr>");
                for cell in row {
                    let class = if matches!(cell, Cell::Number(_) | Cell::Float(_)) {
                        " class=\"n\""
                    } else {
                        ""
                    };
                    s.push_str(&format!("<td{class}>{}</td>", esc(&cell.as_text())));
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</table>\n");
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}
