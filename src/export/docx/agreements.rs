//! Each agreement: who is party to it, its yearly split schedule (the HTML report's table) and,
//! when its coalition values make a game, the fair split beside the contract: Shapley value,
//! nucleolus and whether each split is in the core.

use super::body::{Body, Look, Page, TableCell};
use super::column_widths;
use super::content::section;
use crate::export::report;
use crate::i18n::Lang;
use crate::model::{Agreement, Project};
use crate::sharing::benchmark::{GameProblem, fair_split};
use crate::sharing::fair::{self, Q};

pub(super) fn agreements(body: &mut Body, project: &Project, lang: Lang) {
    for a in project.agreements.values() {
        body.heading(2, &a.name);
        let parties: Vec<String> = a
            .parties
            .iter()
            .map(|p| project.node_name(&p.node))
            .collect();
        let mut lines = vec![format!(
            "{}{}",
            lang.pick("参与方:", "Parties: "),
            parties.join(lang.pick("、", ", "))
        )];
        if let Some(y) = a.signed_year {
            lines.push(format!("{}{y}", lang.pick("签订年份:", "Signed: ")));
        }
        if !a.note.trim().is_empty() {
            lines.push(a.note.clone());
        }
        body.bullets(&lines);
        let mut schedule = report::schedule_section(project, a, lang);
        schedule.heading = lang.pick("逐年分成表", "Yearly split schedule").to_owned();
        section(body, &schedule, 3, Page::Landscape);
        fair(body, project, a, lang);
    }
}

/// The fair split, or what keeps it from being computed; nothing when no coalition values were
/// entered.
fn fair(body: &mut Body, project: &Project, a: &Agreement, lang: Lang) {
    let schedule = crate::sharing::schedule(project, a, None, None);
    let split = match fair_split(project, a, &schedule) {
        Ok(split) => split,
        Err(problems) if problems.iter().all(|p| *p == GameProblem::NoValues) => return,
        Err(problems) => {
            body.heading(3, lang.pick("公平分成", "Fair split"));
            body.para(
                "Normal",
                lang.pick(
                    "联盟价值不完整或有误,无法计算公平分成:",
                    "The coalition values are incomplete or wrong; no fair split is computed:",
                ),
            );
            let lines: Vec<String> = problems.iter().map(|p| p.message(project, lang)).collect();
            body.bullets(&lines);
            return;
        }
    };
    body.heading(3, lang.pick("公平分成", "Fair split"));
    body.para(
        "Note",
        lang.pick(
            "合同一栏为各方在整个期限内从所评判账目累计得到的金额;Shapley 值按各方对每个联盟的平均边际贡献分配,核仁使最不满意的联盟尽量满意;在核心中 = 没有哪个联盟单干能得更多。",
            "The contract column is what each party receives over the whole term on the judged ledgers; the Shapley value gives each party its average marginal contribution; the nucleolus makes the least satisfied coalition as satisfied as it can be; in the core = no coalition would get more on its own.",
        ),
    );
    let columns: [(String, Option<&Vec<Q>>); 3] = [
        (
            lang.pick("合同(累计)", "Contract (cumulative)").to_owned(),
            split.contract.as_ref(),
        ),
        ("Shapley".to_owned(), Some(&split.shapley)),
        (
            lang.pick("核仁", "Nucleolus").to_owned(),
            split.nucleolus.as_ref().ok(),
        ),
    ];
    let mut headers = vec![lang.pick("参与方", "Party").to_owned()];
    headers.extend(columns.iter().map(|(t, _)| t.clone()));
    let number = |x: Option<&Vec<Q>>, i: usize| TableCell {
        right: true,
        ..TableCell::text(
            x.and_then(|x| x.get(i))
                .map(|q| fair::q_to_decimal_string(q, 2))
                .unwrap_or_else(|| "—".to_owned()),
        )
    };
    let mut rows: Vec<Vec<TableCell>> = split
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut row = vec![TableCell::text(name.clone())];
            row.extend(columns.iter().map(|(_, x)| number(*x, i)));
            row
        })
        .collect();
    let mut core = vec![TableCell::text(lang.pick("在核心中?", "In the core?"))];
    core.extend(split.core.iter().map(|check| match check {
        Some(c) if c.in_core => coloured(lang.pick("是", "yes"), "375623"),
        Some(_) => coloured(lang.pick("否", "no"), "9C0006"),
        None => TableCell::text("—"),
    }));
    rows.push(core);
    let widths = column_widths(&headers, &rows, Page::Portrait.text_width());
    body.table(&headers, &rows, &widths);
    let mut lines = Vec::new();
    for ((title, _), check) in columns.iter().zip(&split.core) {
        let Some(check) = check.as_ref().filter(|c| !c.in_core) else {
            continue;
        };
        if let Some((mask, short)) = check.blocking.first() {
            let (who, more) = (
                split.coalition_name(*mask),
                fair::q_to_decimal_string(short, 2),
            );
            lines.push(match lang {
                Lang::Zh => format!("{title}:{who} 单干可多得 {more}"),
                Lang::En => format!("{title}: {who} would get {more} more on its own"),
            });
        }
    }
    if let Err(e) = &split.nucleolus {
        lines.push(format!("{}: {e}", lang.pick("核仁", "Nucleolus")));
    }
    body.bullets(&lines);
}

fn coloured(text: &str, colour: &'static str) -> TableCell {
    TableCell {
        runs: vec![(
            text.to_owned(),
            Look {
                bold: true,
                colour: Some(colour),
            },
        )],
        ..TableCell::default()
    }
}
