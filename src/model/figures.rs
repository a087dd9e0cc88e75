//! Figures as people type them: the text of a yearly figure (产值, 税收, 用地 …) or a link's
//! amount read into the model's exact numbers, and each figure of [`Figures`] named, labelled
//! and read and written as text, so the inspector, and anything else that takes typed figures,
//! parses them one way.
//!
//! Empty text (or only spaces) means "not known", which is not zero. Text that is not a number
//! in the field's range is refused with what was expected, and the field keeps its value.

use super::node::Figures;
use crate::i18n::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What a figure's text must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A decimal number, zero or more (amounts, land).
    NonNegative,
    /// Any decimal number (profit may be a loss).
    Number,
    /// A whole number, zero or more (people, households).
    Count,
    /// A decimal number from 0 to 100.
    Percent,
}

/// Typed text that is not a figure; says what the field expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{text}” is not {}", .expected.describe(Lang::En))]
pub struct FigureTextError {
    pub text: String,
    pub expected: Expected,
}

impl Expected {
    /// What to type, as a short request shown under a field holding bad text.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            Expected::NonNegative => lang.pick("请输入非负数字", "Enter a number, not negative"),
            Expected::Number => lang.pick("请输入数字", "Enter a number"),
            Expected::Count => lang.pick("请输入非负整数", "Enter a whole number, not negative"),
            Expected::Percent => {
                lang.pick("请输入 0–100 之间的数字", "Enter a number from 0 to 100")
            }
        }
    }

    fn describe(self, lang: Lang) -> &'static str {
        match self {
            Expected::NonNegative => lang.pick("非负数字", "a number, not negative"),
            Expected::Number => lang.pick("数字", "a number"),
            Expected::Count => lang.pick("非负整数", "a whole number, not negative"),
            Expected::Percent => lang.pick("0–100 之间的数字", "a number from 0 to 100"),
        }
    }
}

impl FigureTextError {
    fn new(text: &str, expected: Expected) -> Self {
        Self {
            text: text.to_owned(),
            expected,
        }
    }

    /// What to type instead, in the chosen language.
    pub fn message(&self, lang: Lang) -> &'static str {
        self.expected.message(lang)
    }
}

/// Typed text as a decimal, spaces around it ignored; empty is none.
///
/// ```
/// use chainmap::model::figures::parse_number;
/// assert_eq!(parse_number(" -12.5 ").unwrap().unwrap().to_string(), "-12.5");
/// assert_eq!(parse_number("  ").unwrap(), None);
/// assert!(parse_number("12,5").is_err());
/// ```
pub fn parse_number(text: &str) -> Result<Option<Decimal>, FigureTextError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Decimal::from_str(t)
        .map(Some)
        .map_err(|_| FigureTextError::new(text, Expected::Number))
}

/// Typed text as a decimal that is not negative (an amount, an area); empty is none. A minus
/// zero is read as zero.
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, FigureTextError> {
    let refused = || FigureTextError::new(text, Expected::NonNegative);
    match parse_number(text).map_err(|_| refused())? {
        Some(d) if d.is_sign_negative() && !d.is_zero() => Err(refused()),
        Some(mut d) if d.is_zero() => {
            d.set_sign_positive(true);
            Ok(Some(d))
        }
        other => Ok(other),
    }
}

/// Typed text as a whole number that is not negative (employees, households); empty is none.
pub fn parse_count(text: &str) -> Result<Option<u32>, FigureTextError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse()
        .map(Some)
        .map_err(|_| FigureTextError::new(text, Expected::Count))
}

/// Typed text as a percentage from 0 to 100 (an equity share); empty is none.
pub fn parse_percent(text: &str) -> Result<Option<Decimal>, FigureTextError> {
    let refused = || FigureTextError::new(text, Expected::Percent);
    match parse_amount(text).map_err(|_| refused())? {
        Some(p) if p > Decimal::ONE_HUNDRED => Err(refused()),
        other => Ok(other),
    }
}

/// One figure of a year's [`Figures`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureField {
    Output,
    Tax,
    ValueAdded,
    Investment,
    Profit,
    LandMu,
    Employees,
    FarmersLinked,
    // Issue 16 (亩均效益评价, 链主 criteria, indicators).
    Revenue,
    Rd,
    EnergyTce,
    EmissionsT,
    // Issue 16 (本地配套率 as surveyed)
    Purchases,
    LocalPurchases,
    // Issue 19 (taxes by type, rent, 重点项目 of the 安康 assessment)
    Vat,
    Cit,
    OtherTax,
    Rent,
    KeyProjects,
}

impl FigureField {
    /// In the order the inspector lists them.
    pub const ALL: [FigureField; 19] = [
        FigureField::Output,
        FigureField::Revenue,
        FigureField::Tax,
        FigureField::ValueAdded,
        FigureField::Investment,
        FigureField::Profit,
        FigureField::LandMu,
        FigureField::Employees,
        FigureField::FarmersLinked,
        FigureField::Rd,
        FigureField::EnergyTce,
        FigureField::EmissionsT,
        FigureField::Purchases,
        FigureField::LocalPurchases,
        FigureField::Vat,
        FigureField::Cit,
        FigureField::OtherTax,
        FigureField::Rent,
        FigureField::KeyProjects,
    ];

    /// The figures a county records for every firm (the inspector shows them first; the
    /// survey and evaluation figures fold away under them).
    pub const MAIN: [FigureField; 7] = [
        FigureField::Output,
        FigureField::Revenue,
        FigureField::Tax,
        FigureField::ValueAdded,
        FigureField::LandMu,
        FigureField::Employees,
        FigureField::FarmersLinked,
    ];

    /// The field's name in project files.
    pub fn code(self) -> &'static str {
        match self {
            FigureField::Output => "output",
            FigureField::Tax => "tax",
            FigureField::ValueAdded => "value_added",
            FigureField::Investment => "investment",
            FigureField::Profit => "profit",
            FigureField::LandMu => "land_mu",
            FigureField::Employees => "employees",
            FigureField::FarmersLinked => "farmers_linked",
            FigureField::Revenue => "revenue",
            FigureField::Rd => "rd",
            FigureField::EnergyTce => "energy_tce",
            FigureField::EmissionsT => "emissions_t",
            FigureField::Purchases => "purchases",
            FigureField::LocalPurchases => "local_purchases",
            FigureField::Vat => "vat",
            FigureField::Cit => "cit",
            FigureField::OtherTax => "other_tax",
            FigureField::Rent => "rent",
            FigureField::KeyProjects => "key_projects",
        }
    }

    /// Label in the chosen language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FigureField::Output => lang.pick("产值", "Output"),
            FigureField::Tax => lang.pick("税收", "Tax"),
            FigureField::ValueAdded => lang.pick("增加值", "Value added"),
            FigureField::Investment => lang.pick("投资", "Investment"),
            FigureField::Profit => lang.pick("利润", "Profit"),
            FigureField::LandMu => lang.pick("用地", "Land"),
            FigureField::Employees => lang.pick("从业人员", "Employees"),
            FigureField::FarmersLinked => lang.pick("联农户数", "Farmers linked"),
            FigureField::Revenue => lang.pick("营业收入", "Revenue"),
            FigureField::Rd => lang.pick("研发投入", "R&D spending"),
            FigureField::EnergyTce => lang.pick("综合能耗", "Energy use"),
            FigureField::EmissionsT => lang.pick("污染物排放", "Emissions"),
            FigureField::Purchases => lang.pick("采购总额", "Purchases"),
            FigureField::LocalPurchases => lang.pick("本地采购额", "Local purchases"),
            FigureField::Vat => lang.pick("增值税", "VAT"),
            FigureField::Cit => lang.pick("企业所得税", "Corporate income tax"),
            FigureField::OtherTax => lang.pick("其他税收", "Other taxes"),
            FigureField::Rent => lang.pick("租金收入", "Rent income"),
            FigureField::KeyProjects => lang.pick("重点项目", "Key projects"),
        }
    }

    /// The unit the figure is typed in: the project's money unit for amounts.
    pub fn unit(self, money_unit: &str, lang: Lang) -> String {
        match self {
            FigureField::LandMu => lang.pick("亩", "mu").to_owned(),
            FigureField::Employees => lang.pick("人", "persons").to_owned(),
            FigureField::FarmersLinked => lang.pick("户", "households").to_owned(),
            FigureField::EnergyTce => lang.pick("吨标准煤", "tce").to_owned(),
            FigureField::EmissionsT => lang.pick("吨", "t").to_owned(),
            FigureField::KeyProjects => lang.pick("个", "projects").to_owned(),
            _ => crate::i18n::money_unit(money_unit, lang),
        }
    }

    /// The label with its unit, as a form shows it: "产值(万元)", "Output (10k yuan)".
    pub fn label_with_unit(self, money_unit: &str, lang: Lang) -> String {
        let unit = self.unit(money_unit, lang);
        match lang {
            Lang::Zh => format!("{}({unit})", self.label(lang)),
            Lang::En => format!("{} ({unit})", self.label(lang)),
        }
    }

    /// What the field's text must be.
    pub fn expected(self) -> Expected {
        match self {
            FigureField::Profit => Expected::Number,
            FigureField::Employees | FigureField::FarmersLinked => Expected::Count,
            _ => Expected::NonNegative,
        }
    }

    /// The figure as text, empty when not known.
    pub fn text(self, f: &Figures) -> String {
        let d = |v: Option<Decimal>| v.map(|d| d.to_string()).unwrap_or_default();
        let n = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        match self {
            FigureField::Output => d(f.output),
            FigureField::Tax => d(f.tax),
            FigureField::ValueAdded => d(f.value_added),
            FigureField::Investment => d(f.investment),
            FigureField::Profit => d(f.profit),
            FigureField::LandMu => d(f.land_mu),
            FigureField::Employees => n(f.employees),
            FigureField::FarmersLinked => n(f.farmers_linked),
            FigureField::Revenue => d(f.revenue),
            FigureField::Rd => d(f.rd),
            FigureField::EnergyTce => d(f.energy_tce),
            FigureField::EmissionsT => d(f.emissions_t),
            FigureField::Purchases => d(f.purchases),
            FigureField::LocalPurchases => d(f.local_purchases),
            FigureField::Vat => d(f.vat),
            FigureField::Cit => d(f.cit),
            FigureField::OtherTax => d(f.other_tax),
            FigureField::Rent => d(f.rent),
            FigureField::KeyProjects => d(f.key_projects),
        }
    }

    /// Copies this figure from `from` to `to`, leaving the others as they are.
    pub fn copy(self, from: &Figures, to: &mut Figures) {
        match self {
            FigureField::Output => to.output = from.output,
            FigureField::Tax => to.tax = from.tax,
            FigureField::ValueAdded => to.value_added = from.value_added,
            FigureField::Investment => to.investment = from.investment,
            FigureField::Profit => to.profit = from.profit,
            FigureField::LandMu => to.land_mu = from.land_mu,
            FigureField::Employees => to.employees = from.employees,
            FigureField::FarmersLinked => to.farmers_linked = from.farmers_linked,
            FigureField::Revenue => to.revenue = from.revenue,
            FigureField::Rd => to.rd = from.rd,
            FigureField::EnergyTce => to.energy_tce = from.energy_tce,
            FigureField::EmissionsT => to.emissions_t = from.emissions_t,
            FigureField::Purchases => to.purchases = from.purchases,
            FigureField::LocalPurchases => to.local_purchases = from.local_purchases,
            FigureField::Vat => to.vat = from.vat,
            FigureField::Cit => to.cit = from.cit,
            FigureField::OtherTax => to.other_tax = from.other_tax,
            FigureField::Rent => to.rent = from.rent,
            FigureField::KeyProjects => to.key_projects = from.key_projects,
        }
    }

    /// Checks typed text without changing anything.
    pub fn check(self, text: &str) -> Result<(), FigureTextError> {
        self.set(&mut Figures::default(), text)
    }

    /// Sets the figure from typed text; on an error `f` is left as it was.
    pub fn set(self, f: &mut Figures, text: &str) -> Result<(), FigureTextError> {
        match self {
            FigureField::Output => f.output = parse_amount(text)?,
            FigureField::Tax => f.tax = parse_amount(text)?,
            FigureField::ValueAdded => f.value_added = parse_amount(text)?,
            FigureField::Investment => f.investment = parse_amount(text)?,
            FigureField::Profit => f.profit = parse_number(text)?,
            FigureField::LandMu => f.land_mu = parse_amount(text)?,
            FigureField::Employees => f.employees = parse_count(text)?,
            FigureField::FarmersLinked => f.farmers_linked = parse_count(text)?,
            FigureField::Revenue => f.revenue = parse_amount(text)?,
            FigureField::Rd => f.rd = parse_amount(text)?,
            FigureField::EnergyTce => f.energy_tce = parse_amount(text)?,
            FigureField::EmissionsT => f.emissions_t = parse_amount(text)?,
            FigureField::Purchases => f.purchases = parse_amount(text)?,
            FigureField::LocalPurchases => f.local_purchases = parse_amount(text)?,
            FigureField::Vat => f.vat = parse_amount(text)?,
            FigureField::Cit => f.cit = parse_amount(text)?,
            FigureField::OtherTax => f.other_tax = parse_amount(text)?,
            FigureField::Rent => f.rent = parse_amount(text)?,
            FigureField::KeyProjects => f.key_projects = parse_amount(text)?,
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Decimal> {
        Some(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn amounts_as_typed() {
        assert_eq!(parse_amount("1800").unwrap(), d("1800"));
        assert_eq!(parse_amount("  12.50 \t").unwrap(), d("12.50"));
        assert_eq!(parse_amount("12.50").unwrap().unwrap().to_string(), "12.50");
        assert_eq!(parse_amount(".5").unwrap(), d("0.5"));
        assert_eq!(parse_amount("0").unwrap(), d("0"));
        assert_eq!(parse_amount("-0").unwrap().unwrap().to_string(), "0");
        // Empty is "not known", not zero.
        assert_eq!(parse_amount("").unwrap(), None);
        assert_eq!(parse_amount("   ").unwrap(), None);
        assert_eq!(
            parse_amount("\u{3000}").unwrap(),
            None,
            "an ideographic space"
        );
    }

    #[test]
    fn bad_amounts_are_refused_with_what_was_expected() {
        for bad in [
            "-3",
            "abc",
            "12a",
            "1 800",
            "12,5",
            "1,800",
            "1800万元",
            "１２",
            "1.2.3",
            "--1",
            "-",
            "e5",
        ] {
            let e = parse_amount(bad).unwrap_err();
            assert_eq!(e.expected, Expected::NonNegative, "{bad:?}");
            assert_eq!(e.text, bad);
        }
        assert_eq!(
            parse_amount("-3").unwrap_err().message(Lang::En),
            "Enter a number, not negative"
        );
        assert_eq!(
            parse_amount("x").unwrap_err().to_string(),
            "“x” is not a number, not negative"
        );
    }

    #[test]
    fn numbers_may_be_negative() {
        assert_eq!(parse_number(" -120.5").unwrap(), d("-120.5"));
        assert_eq!(parse_number("").unwrap(), None);
        assert_eq!(parse_number("－5").unwrap_err().expected, Expected::Number);
        assert_eq!(parse_number("loss").unwrap_err().expected, Expected::Number);
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(parse_count(" 42 ").unwrap(), Some(42));
        assert_eq!(parse_count("0").unwrap(), Some(0));
        assert_eq!(parse_count("").unwrap(), None);
        for bad in ["3.5", "-1", "4294967296", "forty", "４２", "1 000"] {
            assert_eq!(
                parse_count(bad).unwrap_err().expected,
                Expected::Count,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn percentages_stay_within_0_to_100() {
        assert_eq!(parse_percent("100").unwrap(), d("100"));
        assert_eq!(parse_percent(" 33.33 ").unwrap(), d("33.33"));
        assert_eq!(parse_percent("").unwrap(), None);
        for bad in ["100.01", "-1", "half", "50%"] {
            assert_eq!(
                parse_percent(bad).unwrap_err().expected,
                Expected::Percent,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn every_field_reads_and_writes_its_own_figure() {
        let mut f = Figures::default();
        for (i, field) in FigureField::ALL.into_iter().enumerate() {
            assert_eq!(field.text(&f), "", "{} starts unknown", field.code());
            field.set(&mut f, &format!(" {} ", i + 1)).unwrap();
            assert_eq!(field.text(&f), (i + 1).to_string(), "{}", field.code());
        }
        assert_eq!(f.output, d("1"));
        assert_eq!(f.revenue, d("2"));
        assert_eq!(f.profit, d("6"));
        assert_eq!(f.land_mu, d("7"));
        assert_eq!(f.employees, Some(8));
        assert_eq!(f.farmers_linked, Some(9));
        assert_eq!(
            (f.rd, f.energy_tce, f.emissions_t),
            (d("10"), d("11"), d("12"))
        );
        assert_eq!(
            (f.vat, f.cit, f.other_tax, f.rent, f.key_projects),
            (d("15"), d("16"), d("17"), d("18"), d("19"))
        );
        assert!(
            FigureField::ALL[14..]
                .iter()
                .all(|f| !FigureField::MAIN.contains(f))
        );
        // Clearing one leaves the others.
        FigureField::Tax.set(&mut f, "").unwrap();
        assert_eq!((f.tax, f.output), (None, d("1")));
        // A refused text changes nothing.
        let before = f.clone();
        assert!(FigureField::Employees.set(&mut f, "7.5").is_err());
        assert!(FigureField::LandMu.set(&mut f, "-2").is_err());
        assert_eq!(f, before);
        // Copying one figure leaves the others.
        let mut to = Figures::default();
        FigureField::LandMu.copy(&f, &mut to);
        assert_eq!(
            to,
            Figures {
                land_mu: d("7"),
                ..Figures::default()
            }
        );
        // Profit may be a loss; output may not.
        assert!(FigureField::Profit.check("-30").is_ok());
        assert!(FigureField::Output.check("-30").is_err());
    }
}
