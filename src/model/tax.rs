//! Taxes by type and tier (issue 19): a firm's tax is split by type (增值税, 企业所得税, other
//! taxes), and each type's revenue is shared between the central, provincial, city and county
//! treasuries. Enclave deals split the **local retained** part (everything below central) or
//! the **county-retained** part, not a firm's total tax (DOMAIN.md, "Benefit sharing").
//!
//! The central shares are national rules: VAT 50 % (国发〔2016〕26号, since the 营改增 reform),
//! corporate income tax 60 % (国发〔2001〕37号 and later notices). How the local part divides
//! between province, city and county is set by each province, so the project enters it; until
//! it does, the whole local part counts as the county's and checking says so.

use super::node::Figures;
use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A type of tax a figure can give.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum TaxType {
    /// 增值税
    #[default]
    Vat,
    /// 企业所得税
    Cit,
    /// every other tax (城建税, 房产税, 土地使用税 …)
    OtherTax,
}

impl TaxType {
    pub const ALL: [TaxType; 3] = [TaxType::Vat, TaxType::Cit, TaxType::OtherTax];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TaxType::Vat => lang.pick("增值税", "VAT"),
            TaxType::Cit => lang.pick("企业所得税", "Corporate income tax"),
            TaxType::OtherTax => lang.pick("其他税收", "Other taxes"),
        }
    }

    /// The name used in files.
    pub fn code(self) -> &'static str {
        match self {
            TaxType::Vat => "vat",
            TaxType::Cit => "cit",
            TaxType::OtherTax => "other_tax",
        }
    }
}

/// A level of government whose treasury takes a share of a tax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Central,
    Province,
    City,
    County,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Central, Tier::Province, Tier::City, Tier::County];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tier::Central => lang.pick("中央", "Central"),
            Tier::Province => lang.pick("省级", "Province"),
            Tier::City => lang.pick("市级", "City"),
            Tier::County => lang.pick("县级", "County"),
        }
    }
}

/// One tax type's percentages to each tier; they add up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TierShares {
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub central: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub province: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub city: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub county: Decimal,
}

impl TierShares {
    /// `central` % to the centre and the rest to the county (no provincial split entered).
    pub fn national(central: u32) -> Self {
        Self {
            central: Decimal::from(central),
            province: Decimal::ZERO,
            city: Decimal::ZERO,
            county: Decimal::from(100 - central.min(100)),
        }
    }

    pub fn get(&self, tier: Tier) -> Decimal {
        match tier {
            Tier::Central => self.central,
            Tier::Province => self.province,
            Tier::City => self.city,
            Tier::County => self.county,
        }
    }

    pub fn set(&mut self, tier: Tier, pct: Decimal) {
        match tier {
            Tier::Central => self.central = pct,
            Tier::Province => self.province = pct,
            Tier::City => self.city = pct,
            Tier::County => self.county = pct,
        }
    }

    pub fn sum(&self) -> Decimal {
        self.central + self.province + self.city + self.county
    }

    /// Everything below central: province, city and county together.
    pub fn local(&self) -> Decimal {
        self.province + self.city + self.county
    }
}

/// The project's table of tax sharing between tiers (`tax_sharing` in the file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaxSharing {
    /// Whose rules these are ("陕西省(示意)").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// Where the provincial split comes from, or that it is illustrative.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    pub vat: TierShares,
    pub cit: TierShares,
    pub other_tax: TierShares,
}

impl Default for TaxSharing {
    /// The national central shares (VAT 50 %, CIT 60 %; other taxes are local), the local part
    /// undivided (counted as the county's).
    fn default() -> Self {
        Self {
            region: String::new(),
            source: String::new(),
            vat: TierShares::national(50),
            cit: TierShares::national(60),
            other_tax: TierShares::national(0),
        }
    }
}

impl TaxSharing {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    pub fn of(&self, tax: TaxType) -> &TierShares {
        match tax {
            TaxType::Vat => &self.vat,
            TaxType::Cit => &self.cit,
            TaxType::OtherTax => &self.other_tax,
        }
    }

    pub fn of_mut(&mut self, tax: TaxType) -> &mut TierShares {
        match tax {
            TaxType::Vat => &mut self.vat,
            TaxType::Cit => &mut self.cit,
            TaxType::OtherTax => &mut self.other_tax,
        }
    }

    /// Whether a province's split of the local part was entered (some province or city share).
    pub fn has_provincial_split(&self) -> bool {
        TaxType::ALL
            .iter()
            .any(|t| !(self.of(*t).province.is_zero() && self.of(*t).city.is_zero()))
    }
}

/// Which part of a tax a fiscal phase splits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum TaxBasis {
    /// The firm's whole tax, all tiers (files before version 2; rarely what a deal means).
    #[default]
    Total,
    /// Everything below central: province, city and county (中山–河源, 京津冀 92号).
    LocalRetained,
    /// The county tier's part only.
    CountyRetained,
}

impl TaxBasis {
    pub const ALL: [TaxBasis; 3] = [
        TaxBasis::Total,
        TaxBasis::LocalRetained,
        TaxBasis::CountyRetained,
    ];

    pub fn is_total(&self) -> bool {
        *self == TaxBasis::Total
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TaxBasis::Total => lang.pick("税收总额", "Total tax"),
            TaxBasis::LocalRetained => lang.pick("地方留成", "Local retained"),
            TaxBasis::CountyRetained => lang.pick("县级留成", "County retained"),
        }
    }

    /// The name used in files.
    pub fn code(self) -> &'static str {
        match self {
            TaxBasis::Total => "total",
            TaxBasis::LocalRetained => "local_retained",
            TaxBasis::CountyRetained => "county_retained",
        }
    }

    /// The percentage of a tax type this basis takes, under `sharing`.
    pub fn pct(self, sharing: &TaxSharing, tax: TaxType) -> Decimal {
        let shares = sharing.of(tax);
        match self {
            TaxBasis::Total => Decimal::ONE_HUNDRED,
            TaxBasis::LocalRetained => shares.local(),
            TaxBasis::CountyRetained => shares.county,
        }
    }
}

impl Figures {
    /// The total tax: `tax` when given, else the sum of the types given.
    pub fn tax_total(&self) -> Option<Decimal> {
        self.tax.or_else(|| {
            let parts = [self.vat, self.cit, self.other_tax];
            parts
                .iter()
                .any(Option::is_some)
                .then(|| parts.iter().flatten().copied().sum())
        })
    }

    /// The tax by type, when any type is given: VAT and CIT as given (none is zero), other
    /// taxes as given, else what `tax` leaves (never below zero: checking reports that case).
    pub fn tax_parts(&self) -> Option<[(TaxType, Decimal); 3]> {
        if self.vat.is_none() && self.cit.is_none() && self.other_tax.is_none() {
            return None;
        }
        let vat = self.vat.unwrap_or_default();
        let cit = self.cit.unwrap_or_default();
        let other = self
            .other_tax
            .or_else(|| self.tax.map(|t| (t - vat - cit).max(Decimal::ZERO)))
            .unwrap_or_default();
        Some([
            (TaxType::Vat, vat),
            (TaxType::Cit, cit),
            (TaxType::OtherTax, other),
        ])
    }

    /// The tax on `basis`, under `sharing`: the whole tax for `Total`; otherwise each type's
    /// amount times the basis's percentage for that type. A figure without types counts as
    /// other taxes only when the basis is total; else it has no typed tax and gives none.
    pub fn tax_on(&self, basis: TaxBasis, sharing: &TaxSharing) -> Option<Decimal> {
        self.tax_on_types(basis, sharing, &[])
    }

    /// [`Figures::tax_on`] over the tax types `types` only (all when empty): a figure without
    /// types then gives none, whatever the basis.
    pub fn tax_on_types(
        &self,
        basis: TaxBasis,
        sharing: &TaxSharing,
        types: &[TaxType],
    ) -> Option<Decimal> {
        if basis.is_total() && types.is_empty() {
            return self.tax_total();
        }
        let parts = self.tax_parts()?;
        Some(
            parts
                .iter()
                .filter(|(t, _)| types.is_empty() || types.contains(t))
                .map(|(t, v)| *v * basis.pct(sharing, *t) / Decimal::ONE_HUNDRED)
                .sum(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn the_county_retained_base_of_the_issue() {
        // VAT 1,000 and CIT 500 with county tiers of 20 % and 15 %: 1,000 × 20 % + 500 × 15 % = 275.
        let sharing = TaxSharing {
            vat: TierShares {
                central: d("50"),
                province: d("15"),
                city: d("15"),
                county: d("20"),
            },
            cit: TierShares {
                central: d("60"),
                province: d("15"),
                city: d("10"),
                county: d("15"),
            },
            ..TaxSharing::default()
        };
        let f = Figures {
            vat: Some(d("1000")),
            cit: Some(d("500")),
            ..Figures::default()
        };
        assert_eq!(f.tax_total(), Some(d("1500")));
        assert_eq!(f.tax_on(TaxBasis::CountyRetained, &sharing), Some(d("275")));
        // Local retained: 1,000 × 50 % + 500 × 40 % = 700.
        assert_eq!(f.tax_on(TaxBasis::LocalRetained, &sharing), Some(d("700")));
        assert_eq!(f.tax_on(TaxBasis::Total, &sharing), Some(d("1500")));
        // 92号 counts VAT and CIT only: the other taxes stay out.
        let g = Figures {
            other_tax: Some(d("300")),
            ..f
        };
        let vat_cit = [TaxType::Vat, TaxType::Cit];
        assert_eq!(
            g.tax_on_types(TaxBasis::LocalRetained, &sharing, &vat_cit),
            Some(d("700"))
        );
        assert_eq!(
            g.tax_on_types(TaxBasis::Total, &sharing, &vat_cit),
            Some(d("1500"))
        );
        assert_eq!(g.tax_on(TaxBasis::Total, &sharing), Some(d("1800")));
    }

    #[test]
    fn other_taxes_are_what_the_total_leaves() {
        let f = Figures {
            tax: Some(d("2000")),
            vat: Some(d("1000")),
            cit: Some(d("600")),
            ..Figures::default()
        };
        let parts = f.tax_parts().unwrap_or([(TaxType::Vat, Decimal::ZERO); 3]);
        assert_eq!(parts[2], (TaxType::OtherTax, d("400")));
        // The national defaults: VAT half local, CIT 40 % local, other taxes all local.
        let local = f.tax_on(TaxBasis::LocalRetained, &TaxSharing::default());
        assert_eq!(local, Some(d("500") + d("240") + d("400")));
        // A total with no types has no local part to split.
        let bare = Figures {
            tax: Some(d("80")),
            ..Figures::default()
        };
        assert_eq!(
            bare.tax_on(TaxBasis::LocalRetained, &TaxSharing::default()),
            None
        );
        assert_eq!(
            bare.tax_on(TaxBasis::Total, &TaxSharing::default()),
            Some(d("80"))
        );
    }

    #[test]
    fn the_defaults_are_the_national_central_shares() {
        let s = TaxSharing::default();
        assert_eq!(s.vat.central, d("50"));
        assert_eq!(s.cit.central, d("60"));
        assert_eq!(s.other_tax.central, Decimal::ZERO);
        assert!(TaxType::ALL.iter().all(|t| s.of(*t).sum() == d("100")));
        assert!(!s.has_provincial_split());
    }
}
