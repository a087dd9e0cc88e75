//! What a structure edit does, in words, for the Undo and Redo menu items.

use super::StructureEdit;
use crate::i18n::Lang;
use crate::model::{ChainId, Project, StageId};

impl StructureEdit {
    /// "添加环节“菌种”", "rename stage \"spawn\"" …, naming items as they were before the edit.
    pub fn label(&self, project: &Project, lang: Lang) -> String {
        // The name the user sees: the English one in English when there is one.
        let shown = |name: &str, name_en: &str| match lang {
            Lang::En if !name_en.is_empty() => name_en.to_owned(),
            _ => name.to_owned(),
        };
        let chain_name = |id: &ChainId| {
            project
                .chains
                .get(id)
                .map_or_else(|| id.to_string(), |c| shown(&c.name, &c.name_en))
        };
        let stage_name = |id: &StageId| {
            project
                .stage(id)
                .map_or_else(|| id.to_string(), |(_, s)| shown(&s.name, &s.name_en))
        };
        let (verb_zh, verb_en, what_zh, what_en, name) = match self {
            StructureEdit::AddChain(c) => {
                ("添加", "add", "产业链", "chain", shown(&c.name, &c.name_en))
            }
            StructureEdit::RenameChain { chain, .. } => {
                ("重命名", "rename", "产业链", "chain", chain_name(chain))
            }
            StructureEdit::MoveChain { chain, .. } => {
                ("移动", "move", "产业链", "chain", chain_name(chain))
            }
            StructureEdit::RemoveChain { chain, .. } => {
                ("删除", "delete", "产业链", "chain", chain_name(chain))
            }
            StructureEdit::AddStage { stage, .. } => (
                "添加",
                "add",
                "环节",
                "stage",
                shown(&stage.name, &stage.name_en),
            ),
            StructureEdit::RenameStage { stage, .. } => {
                ("重命名", "rename", "环节", "stage", stage_name(stage))
            }
            StructureEdit::SetActivity { stage, activity } => {
                let (zh, en) = match activity {
                    Some(a) => (a.label(Lang::Zh), a.label(Lang::En)),
                    None => ("按推断", "inferred"),
                };
                return match lang {
                    Lang::Zh => format!("将环节“{}”的类型设为{zh}", stage_name(stage)),
                    Lang::En => {
                        format!("make stage \"{}\" {}", stage_name(stage), en.to_lowercase())
                    }
                };
            }
            StructureEdit::SetLandUse { stage, land_use } => {
                let (zh, en) = match land_use {
                    Some(u) => (u.label(Lang::Zh), u.code()),
                    None => ("未定", "unset"),
                };
                return match lang {
                    Lang::Zh => format!("将环节“{}”的用地类型设为{zh}", stage_name(stage)),
                    Lang::En => format!(
                        "set the land use of stage \"{}\" to {}",
                        stage_name(stage),
                        en.replace('_', "-")
                    ),
                };
            }
            StructureEdit::SetSegment { stage, segment } => {
                return match lang {
                    Lang::Zh => format!(
                        "将环节“{}”设为{}",
                        stage_name(stage),
                        segment.label(Lang::Zh)
                    ),
                    Lang::En => format!(
                        "make stage \"{}\" {}",
                        stage_name(stage),
                        segment.label(Lang::En).to_lowercase()
                    ),
                };
            }
            StructureEdit::MoveStage { stage, .. } => {
                ("移动", "move", "环节", "stage", stage_name(stage))
            }
            StructureEdit::RemoveStage { stage, .. } => {
                ("删除", "delete", "环节", "stage", stage_name(stage))
            }
            StructureEdit::AddProduct { product, .. } => {
                ("添加", "add", "产品", "product", product.name.clone())
            }
            StructureEdit::RenameProduct { product, .. } => {
                ("重命名", "rename", "产品", "product", product.clone())
            }
            StructureEdit::SetRequired {
                product, required, ..
            } => {
                return match (lang, required) {
                    (Lang::Zh, true) => format!("将产品“{product}”设为必需"),
                    (Lang::Zh, false) => format!("将产品“{product}”设为非必需"),
                    (Lang::En, true) => format!("mark product \"{product}\" required"),
                    (Lang::En, false) => format!("mark product \"{product}\" not required"),
                };
            }
            StructureEdit::MoveProduct { product, .. } => {
                ("移动", "move", "产品", "product", product.clone())
            }
            StructureEdit::RemoveProduct { product, .. } => {
                ("删除", "delete", "产品", "product", product.clone())
            }
        };
        match lang {
            Lang::Zh => format!("{verb_zh}{what_zh}“{name}”"),
            Lang::En => format!("{verb_en} {what_en} \"{name}\""),
        }
    }
}
