//! What an enterprises row says about a firm beyond its name and figures: its 统一社会信用代码
//! (checked), its yes/no flags (专精特新 tier and tags, by the rules in `headers::FLAGS`) and
//! its main products (listed under its main stage).

use super::cells::{read_yes_no, split_products, srdi_tier_named};
use super::headers::FlagEffect;
use super::mapping::Field;
use super::{ImportSource, Work};
use crate::file::table::Row;
use crate::i18n::Lang;
use crate::model::{Node, Product, SrdiTier, credit_code};

impl Work {
    /// Stores the row's credit code; a code that fails its check is a warning (kept: it may
    /// be the register's own typo, and it is the user's data).
    pub(super) fn credit_code(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        node: &mut Node,
    ) {
        let text = Self::cell(source, row, Field::CreditCode);
        let code = credit_code::normalise(text);
        if code.is_empty() {
            return;
        }
        if let Err(problem) = credit_code::check(&code) {
            self.warn(
                i,
                Some(row.number),
                &Self::place(source, row, Some(Field::CreditCode)),
                format!("“{text}”:{}", problem.message(Lang::Zh)),
                format!("\"{text}\": {}", problem.message(Lang::En)),
            );
        }
        node.credit_code = code;
    }

    /// Applies each yes/no column: yes adds the tag, no takes it away, empty leaves it. The
    /// 专精特新 columns together give the tier: the highest one said yes to (a cell may name it:
    /// 国家级小巨人), or the firm's own when higher and not denied; a plain 否 to 专精特新 clears it.
    pub(super) fn flags(&mut self, i: usize, source: &ImportSource, row: &Row, node: &mut Node) {
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        for (c, field) in source.mapping.columns.iter().enumerate() {
            let Some(Field::Flag(flag)) = *field else {
                continue;
            };
            let text = row.cell(c);
            let effect = flag.effect();
            let named_tier = match effect {
                FlagEffect::Srdi(_) => srdi_tier_named(text),
                FlagEffect::Tag(_) => None,
            };
            let answer = match (named_tier, read_yes_no(text)) {
                (Some(_), _) => Some(true),
                (None, Ok(answer)) => answer,
                (None, Err(())) => {
                    self.warn(
                        i,
                        Some(row.number),
                        &Self::place_column(source, row, c),
                        format!("“{text}”不是 是/否:{}未改", flag.label(Lang::Zh)),
                        format!(
                            "\"{text}\" is not yes or no: {} left as it was",
                            flag.label(Lang::En)
                        ),
                    );
                    None
                }
            };
            match (effect, answer) {
                (_, None) => {}
                (FlagEffect::Srdi(tier), Some(true)) => yes.push(named_tier.unwrap_or(tier)),
                (FlagEffect::Srdi(tier), Some(false)) => no.push(tier),
                (FlagEffect::Tag(tag), Some(true)) => {
                    if !node.tags.iter().any(|t| t == tag) {
                        node.tags.push(tag.to_owned());
                    }
                }
                (FlagEffect::Tag(tag), Some(false)) => node.tags.retain(|t| t != tag),
            }
        }
        let own = node.srdi.filter(|t| !no.contains(t));
        node.srdi = match yes.into_iter().max() {
            Some(said) => Some(own.map_or(said, |t| t.max(said))),
            None if no.contains(&SrdiTier::Provincial) => None,
            None => own,
        };
    }

    /// Lists the row's main products under the firm's main stage (as products the stage makes,
    /// not required ones); a firm without a stage has nowhere to list them: a warning.
    pub(super) fn main_products(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        node: &Node,
    ) {
        let products = split_products(Self::cell(source, row, Field::Products));
        if products.is_empty() {
            return;
        }
        let Some(stage) = node.main_stage().cloned() else {
            self.warn(
                i,
                Some(row.number),
                &Self::place(source, row, Some(Field::Products)),
                format!(
                    "“{}”没有环节,主营产品({})没有列入任何环节",
                    node.name,
                    products.join("、")
                ),
                format!(
                    "\"{}\" has no stage: its main products ({}) are not listed under any",
                    node.name,
                    products.join(", ")
                ),
            );
            return;
        };
        for chain in self.project.chains.values_mut() {
            if let Some(s) = chain.stages.iter_mut().find(|s| s.id == stage) {
                for name in &products {
                    if !s.products.iter().any(|p| p.name == *name) {
                        s.products.push(Product {
                            name: name.clone(),
                            required: false,
                        });
                        self.plan.summary.products_added += 1;
                    }
                }
            }
        }
    }
}
