//! Links between nodes.

use super::ids::{LinkId, NodeId};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A directed link `from → to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Link {
    pub id: LinkId,
    pub kind: LinkKind,
    pub from: NodeId,
    pub to: NodeId,
    /// Supply: the product delivered.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub product: String,
    /// Supply: annual value (万元/年). Farmer linkage: annual payments to farmers.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub value: Option<Decimal>,
    /// Investment: equity share in percent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub equity_pct: Option<Decimal>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// What a link means, and which direction it reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// supplier → buyer
    #[default]
    Supply,
    /// enterprise → park
    LocatedIn,
    /// national park → county park it manages (托管/联办)
    Trusteeship,
    /// zone → sub-park (一区多园)
    Integrates,
    /// source region → host park (飞地)
    Enclave,
    /// firm → cooperative / village (联农带农)
    FarmerLinkage,
    /// party → park company or enterprise, with equity %
    Investment,
}

impl LinkKind {
    pub const ALL: [LinkKind; 7] = [
        LinkKind::Supply,
        LinkKind::LocatedIn,
        LinkKind::Trusteeship,
        LinkKind::Integrates,
        LinkKind::Enclave,
        LinkKind::FarmerLinkage,
        LinkKind::Investment,
    ];

    /// The name used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            LinkKind::Supply => "supply",
            LinkKind::LocatedIn => "located_in",
            LinkKind::Trusteeship => "trusteeship",
            LinkKind::Integrates => "integrates",
            LinkKind::Enclave => "enclave",
            LinkKind::FarmerLinkage => "farmer_linkage",
            LinkKind::Investment => "investment",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LinkKind::Supply => lang.pick("供应", "Supply"),
            LinkKind::LocatedIn => lang.pick("入驻", "Located in"),
            LinkKind::Trusteeship => lang.pick("托管", "Trusteeship"),
            LinkKind::Integrates => lang.pick("一区多园", "Integrates"),
            LinkKind::Enclave => lang.pick("飞地", "Enclave"),
            LinkKind::FarmerLinkage => lang.pick("联农带农", "Farmer linkage"),
            LinkKind::Investment => lang.pick("投资", "Investment"),
        }
    }
}
