//! The import template: an empty workbook with one sheet per table the importer reads (环节,
//! 企业, 供应关系), headed exactly as the importer recognises them, and a 说明 sheet that says
//! what each column means, its unit and the values it takes. The headers and the notes come
//! from the importer's own fields and kinds, so the template cannot drift from what imports.

mod notes;

use super::mapping::{Field, TableKind};
use crate::i18n::Lang;
use crate::model::{Issue, LinkKind, NodeKind};
use notes::column_note;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Note,
    Workbook, Worksheet, XlsxError,
};
use std::path::Path;

/// Rows below the header that offer the drop-down lists of kinds and segments.
const LIST_ROWS: u32 = 2000;

/// The header of a field's column; amounts carry the project's money unit (`产值(万元)`).
fn header(field: Field, unit: &str) -> String {
    use Field::*;
    let text = match field {
        StageCode => "环节编号",
        Segment => "上中下游",
        StageName => "环节名称",
        StageNameEn => "英文名称",
        Chain => "产业链",
        Id => "编号",
        CreditCode => "统一社会信用代码",
        Name => "企业名称",
        Stage => "环节",
        Kind => "类型",
        Town => "所在镇",
        Park => "园区",
        Tags => "标签",
        Year => "年份",
        Land => "用地(亩)",
        Employees => "从业人员(人)",
        Farmers => "联农户数(户)",
        KeyProjects => "重点项目(个)",
        Products => "主营产品",
        Flag(flag) => flag.label(Lang::Zh),
        Note => "备注",
        From => "供方",
        To => "买方",
        Product => "产品",
        LinkKind => "关系类型",
        // Survey columns (the wide shape of a links table; not in the template).
        Firm => "企业名称",
        Supplier => "主要供应商",
        Customer => "主要客户",
        Share => "占比(%)",
        Output | Tax | ValueAdded | Investment | Profit | Value | Purchases | Sales | Vat | Cit
        | OtherTax | Rent => {
            let word = match field {
                Output => "产值",
                Tax => "税收",
                ValueAdded => "增加值",
                Investment => "投资",
                Profit => "利润",
                Purchases => "采购总额",
                Sales => "销售总额",
                Vat => "增值税",
                Cit => "企业所得税",
                OtherTax => "其他税收",
                Rent => "租金收入",
                _ => "金额",
            };
            return format!("{word}({unit})");
        }
    };
    text.to_owned()
}

/// The template's headers of a table, in column order.
pub fn template_headers(kind: TableKind, unit: &str) -> Vec<String> {
    kind.fields().iter().map(|f| header(*f, unit)).collect()
}

/// The drop-down list a column offers, if it takes one of a few words.
fn choices(field: Field) -> Option<Vec<&'static str>> {
    match field {
        Field::Segment => Some(vec!["上游", "中游", "下游", "支撑"]),
        Field::Kind => Some(NodeKind::ALL.iter().map(|k| k.label(Lang::Zh)).collect()),
        Field::LinkKind => Some(LinkKind::ALL.iter().map(|k| k.label(Lang::Zh)).collect()),
        Field::Flag(_) => Some(vec!["是", "否"]),
        _ => None,
    }
}

/// Column width in Excel's units (about one per Latin character, two per Chinese one).
fn width(field: Field, header: &str) -> f64 {
    let wide = match field {
        Field::Name | Field::From | Field::To | Field::Note => 24.0,
        Field::CreditCode => 22.0,
        Field::Stage
        | Field::Tags
        | Field::Park
        | Field::Town
        | Field::Product
        | Field::Products => 16.0,
        Field::Kind | Field::LinkKind | Field::Chain | Field::StageName | Field::StageNameEn => {
            14.0
        }
        _ => 10.0,
    };
    let header_width = header
        .chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum::<f64>()
        + 2.0;
    f64::max(wide, header_width)
}

/// The template as xlsx bytes; `lang` is the language of the notes (headers are always the
/// Chinese ones the importer reads).
pub fn template_workbook(unit: &str, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let required_format = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x1F_4E_79))
        .set_font_color(Color::White)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let optional_format = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    for kind in TableKind::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(kind.sheet_name())?;
        for (c, field) in kind.fields().iter().enumerate() {
            let c = c as u16;
            let text = header(*field, unit);
            let format = if kind.required().contains(field) {
                &required_format
            } else {
                &optional_format
            };
            sheet.write_string_with_format(0, c, &text, format)?;
            sheet.set_column_width(c, width(*field, &text))?;
            let note = column_note(*field, unit);
            let hint = format!(
                "{}\n{}",
                lang.pick(note.meaning.0, note.meaning.1),
                lang.pick(&note.values.0, &note.values.1)
            );
            sheet.insert_note(0, c, &Note::new(hint).set_author("chainmap").set_width(260))?;
            if let Some(list) = choices(*field) {
                add_list(sheet, c, &list, lang)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_row_height(0, 20)?;
    }
    notes_sheet(book.add_worksheet(), unit, lang)?;
    if let Ok(first) = book.worksheet_from_index(0) {
        first.set_active(true);
    }
    book.save_to_buffer()
}

/// A drop-down of the accepted words under a header; other spellings the importer reads
/// (codes, English) are allowed with a note, not refused.
fn add_list(sheet: &mut Worksheet, c: u16, list: &[&str], lang: Lang) -> Result<(), XlsxError> {
    let validation = DataValidation::new()
        .allow_list_strings(list)?
        .ignore_blank(true)
        .set_error_style(DataValidationErrorStyle::Information)
        .set_error_title(lang.pick("不在列表中", "Not in the list"))?
        .set_error_message(lang.pick(
            "导入时也接受英文代码;其他写法会被报告为错误。",
            "The English codes are accepted too; anything else is reported when importing.",
        ))?;
    sheet.add_data_validation(1, c, LIST_ROWS, c, &validation)?;
    Ok(())
}

/// The 说明 sheet: how to use the template, then one row per column of each table.
fn notes_sheet(sheet: &mut Worksheet, unit: &str, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(lang.pick("说明", "Notes"))?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    sheet.write_string_with_format(
        0,
        0,
        lang.pick("串珠 导入模板", "chainmap import template"),
        &title,
    )?;
    let intro = [
        lang.pick(
            "在“环节”“企业”“供应关系”三张表的表头下逐行填写,每行一条;不要修改表头。深蓝色表头为必填列。",
            "Fill the sheets 环节 (stages), 企业 (enterprises) and 供应关系 (links) one row per item below the headers; keep the headers as they are. Dark blue headers are required.",
        )
        .to_owned(),
        lang.pick(
            "在串珠中用 文件 → 导入表格 选择本文件:每张表会自动读取同名的工作表。先导入环节,企业才能指向环节;供应关系的两端须是已有或同时导入的企业。",
            "In chainmap, File → Import Spreadsheets and choose this file for each table: each reads the sheet of its name. Stages come first so enterprises can refer to them; both ends of a link must be firms already there or imported with it.",
        )
        .to_owned(),
        match lang {
            Lang::Zh => format!("金额的单位是{unit},用地单位是亩;与项目中已有的编号或名称相同的行会更新原有内容,其余新增。"),
            Lang::En => format!("Amounts are in {unit}, land in mu (亩). Rows with an id or name the project has update it; the rest are added."),
        },
    ];
    for (r, line) in intro.iter().enumerate() {
        sheet.merge_range(
            r as u32 + 1,
            0,
            r as u32 + 1,
            5,
            line,
            &Format::new().set_text_wrap(),
        )?;
        sheet.set_row_height(r as u32 + 1, 34)?;
    }
    let top = intro.len() as u32 + 2;
    let heads = [
        lang.pick("工作表", "Sheet"),
        lang.pick("列", "Column"),
        lang.pick("含义", "Meaning"),
        lang.pick("单位", "Unit"),
        lang.pick("可填写的值", "Values"),
        lang.pick("必填", "Required"),
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, *h, &bold)?;
    }
    let mut r = top + 1;
    for kind in TableKind::ALL {
        for field in kind.fields() {
            let note = column_note(*field, unit);
            let required = kind.required().contains(field);
            let cells = [
                kind.sheet_name().to_owned(),
                header(*field, unit),
                lang.pick(note.meaning.0, note.meaning.1).to_owned(),
                lang.pick(&note.unit.0, &note.unit.1).to_owned(),
                lang.pick(&note.values.0, &note.values.1).to_owned(),
                if required {
                    lang.pick("是", "yes")
                } else {
                    ""
                }
                .to_owned(),
            ];
            for (c, text) in cells.iter().enumerate() {
                sheet.write_string_with_format(r, c as u16, text, &wrap)?;
            }
            r += 1;
        }
    }
    for (c, w) in [10.0, 16.0, 40.0, 8.0, 48.0, 6.0].into_iter().enumerate() {
        sheet.set_column_width(c as u16, w)?;
    }
    Ok(())
}

/// Writes the template to `path`; a problem names the file.
pub fn write_template(path: &Path, unit: &str, lang: Lang) -> Result<(), Issue> {
    let place = path.display().to_string();
    let bytes = template_workbook(unit, lang).map_err(|e| {
        Issue::error(
            "template",
            place.clone(),
            format!("无法生成模板:{e}"),
            format!("cannot make the template: {e}"),
        )
    })?;
    std::fs::write(path, bytes).map_err(|e| {
        Issue::error(
            "template",
            place,
            format!("无法写入文件:{e}"),
            format!("cannot write the file: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::import::guess_mapping;

    #[test]
    fn every_template_header_maps_to_its_field() {
        for unit in ["万元", "亿元", "元"] {
            for kind in TableKind::ALL {
                let headers = template_headers(kind, unit);
                let mapping = guess_mapping(kind, &headers);
                let expected: Vec<Option<Field>> = kind.fields().iter().map(|f| Some(*f)).collect();
                assert_eq!(mapping.columns, expected, "{kind:?} in {unit}: {headers:?}");
            }
        }
    }

    #[test]
    fn the_lists_fit_excels_limit() {
        for field in [Field::Segment, Field::Kind, Field::LinkKind] {
            let list = choices(field).unwrap_or_default();
            assert!(
                DataValidation::new().allow_list_strings(&list).is_ok(),
                "{field:?}"
            );
        }
    }
}
