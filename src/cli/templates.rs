//! `chainmap templates`: the built-in reference chains, as a table in the UI language or JSON
//! (`{"templates": [{"id", "name", "name_en", "stages", "products"}]}`).

use super::{EXIT_OK, EXIT_PROBLEM};
use crate::i18n::Lang;
use crate::reference::{self, Template};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Listing<'a> {
    templates: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    name_en: &'a str,
    stages: usize,
    products: usize,
}

impl<'a> Entry<'a> {
    fn of(t: &'a Template) -> Self {
        Self {
            id: t.id(),
            name: &t.chain.name,
            name_en: &t.chain.name_en,
            stages: t.stage_count(),
            products: t.product_count(),
        }
    }
}

pub(super) fn templates(
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let catalogue = reference::catalogue();
    // A template that fails its rules is a defect of this build (the tests keep it from
    // shipping); say so rather than hide it, and list the rest.
    for issue in &catalogue.problems {
        writeln!(err, "{}", issue.text(lang))?;
    }
    if json {
        let listing = Listing {
            templates: catalogue.templates.iter().map(Entry::of).collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &listing)?;
        writeln!(out)?;
    } else {
        print_table(&catalogue.templates, lang, out)?;
    }
    Ok(if catalogue.problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEM
    })
}

fn print_table(templates: &[Template], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let heads = [
        lang.pick("编号", "id"),
        lang.pick("环节", "stages"),
        lang.pick("产品", "products"),
        lang.pick("名称", "name"),
    ];
    let id_width = templates
        .iter()
        .map(|t| t.id().len())
        .chain([display_width(heads[0])])
        .max()
        .unwrap_or(0);
    let (stages_width, products_width) = (display_width(heads[1]), display_width(heads[2]));
    writeln!(
        out,
        "{}  {}  {}  {}",
        pad_right(heads[0], id_width),
        heads[1],
        heads[2],
        heads[3]
    )?;
    for t in templates {
        writeln!(
            out,
            "{}  {:>stages_width$}  {:>products_width$}  {}",
            pad_right(t.id(), id_width),
            t.stage_count(),
            t.product_count(),
            t.name(lang)
        )?;
    }
    Ok(())
}

/// Columns a text takes in a terminal: Chinese characters and full-width forms take two.
pub(super) fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 2,
            _ => 1,
        })
        .sum()
}

pub(super) fn pad_right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_takes_two_columns_in_the_table() {
        assert_eq!(display_width("环节"), 4);
        assert_eq!(display_width("stages"), 6);
        assert_eq!(pad_right("编号", 6), "编号  ");
    }
}
