//! A project's identity and money unit: who the project is (name, county, unit, data year) as a
//! new project is made from it (`chainmap new`, the editor's new-project dialog); the units
//! amounts can be in (元, 万元, 亿元); and converting every amount of a project from one unit to
//! another: node figures, link values, land-class thresholds, the money in agreements and the
//! revenues of the 招商 list's candidates.
//! Counts, areas, percentages and years are not money and stay as they are.

use super::{
    Agreement, Base, Candidate, Cap, Eligibility, Figures, Link, Node, PaymentAmount, Project,
    ProjectMeta, Rule, Year,
};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A unit of money amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MoneyUnit {
    Yuan,
    Wan,
    Yi,
}

impl MoneyUnit {
    pub const ALL: [MoneyUnit; 3] = [MoneyUnit::Yuan, MoneyUnit::Wan, MoneyUnit::Yi];

    /// The unit as project files and the Chinese interface write it.
    pub fn code(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yi => "亿元",
        }
    }

    /// The unit for people: 万元 in Chinese, "10k yuan (万元)" in English.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MoneyUnit::Yuan => lang.pick("元", "yuan (元)"),
            MoneyUnit::Wan => lang.pick("万元", "10k yuan (万元)"),
            MoneyUnit::Yi => lang.pick("亿元", "100M yuan (亿元)"),
        }
    }

    /// Reads 元 / 万元 / 亿元 (also yuan, wan, yi).
    pub fn parse(text: &str) -> Option<MoneyUnit> {
        Some(match text.trim().to_lowercase().as_str() {
            "元" | "yuan" => MoneyUnit::Yuan,
            "万元" | "wan" | "10k" => MoneyUnit::Wan,
            "亿元" | "yi" | "100m" => MoneyUnit::Yi,
            _ => return None,
        })
    }

    /// Yuan in one of this unit.
    fn yuan(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::Wan => Decimal::from(10_000),
            MoneyUnit::Yi => Decimal::from(100_000_000),
        }
    }

    /// What an amount in this unit is multiplied by to be in `to`.
    pub fn factor_to(self, to: MoneyUnit) -> Decimal {
        self.yuan() / to.yuan()
    }
}

/// Who a project is: what `chainmap new` and the editor's new-project dialog ask for.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub name: String,
    pub county: String,
    pub unit: MoneyUnit,
    pub year: Option<Year>,
    pub description: String,
}

impl Identity {
    /// An empty project with this identity; the land-class thresholds (defaults in 万元) are
    /// put in the project's unit. (A starting point such as a reference chain can fill it.)
    pub fn project(&self) -> Project {
        let mut project = Project::new(self.name.trim());
        let mut meta = project.meta.clone();
        meta.county = self.county.trim().to_owned();
        meta.description = self.description.trim().to_owned();
        meta.base_year = self.year;
        meta.unit = self.unit.code().to_owned();
        project.meta = convert_amounts(&project, &meta, MoneyUnit::Wan.factor_to(self.unit)).meta;
        project
    }
}

/// A project's amounts in another unit: the values to set (only what changes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Converted {
    pub meta: ProjectMeta,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
    pub agreements: Vec<Agreement>,
    /// The 招商 list with its revenues converted; none when no candidate gives a revenue.
    pub candidates: Option<BTreeMap<String, Candidate>>,
}

impl Converted {
    /// Whether any amount changes besides the meta.
    pub fn touches_items(&self) -> bool {
        !(self.nodes.is_empty()
            && self.links.is_empty()
            && self.agreements.is_empty()
            && self.candidates.is_none())
    }
}

/// Whether the project holds any amount the unit applies to.
pub fn has_amounts(project: &Project) -> bool {
    project
        .nodes
        .values()
        .any(|n| n.figures.values().any(has_money))
        || project.links.values().any(|l| l.value.is_some())
        || project.candidates.values().any(|c| c.revenue.is_some())
        || project.agreements.values().any(|a| {
            let mut scaled = a.clone();
            convert_agreement(&mut scaled, &|d| *d += Decimal::ONE);
            scaled != *a
        })
}

/// Every amount of `project` multiplied by `factor`, with `meta` (the new name, unit …) and its
/// land-class thresholds converted too. Exact: amounts are decimals, trailing zeros dropped.
pub fn convert_amounts(project: &Project, meta: &ProjectMeta, factor: Decimal) -> Converted {
    let scale = |d: &mut Decimal| *d = (*d * factor).normalize();
    let scale_opt = |d: &mut Option<Decimal>| {
        if let Some(v) = d {
            *v = (*v * factor).normalize();
        }
    };
    let mut meta = meta.clone();
    for class in &mut meta.land_classes {
        scale(&mut class.min_tax_per_mu);
        scale_opt(&mut class.min_output_per_mu);
    }
    scale(&mut meta.leader_criteria.min_revenue);
    let nodes = project
        .nodes
        .values()
        .filter(|n| n.figures.values().any(has_money))
        .map(|n| {
            let mut n = n.clone();
            for f in n.figures.values_mut() {
                for amount in [
                    &mut f.output,
                    &mut f.tax,
                    &mut f.value_added,
                    &mut f.investment,
                    &mut f.profit,
                    &mut f.revenue,
                    &mut f.rd,
                    &mut f.purchases,
                    &mut f.local_purchases,
                    &mut f.vat,
                    &mut f.cit,
                    &mut f.other_tax,
                    &mut f.rent,
                ] {
                    scale_opt(amount);
                }
            }
            n
        })
        .collect();
    let links = project
        .links
        .values()
        .filter(|l| l.value.is_some())
        .map(|l| {
            let mut l = l.clone();
            scale_opt(&mut l.value);
            l
        })
        .collect();
    let agreements = project
        .agreements
        .values()
        .filter_map(|a| {
            let mut a = a.clone();
            let before = a.clone();
            convert_agreement(&mut a, &scale);
            (a != before).then_some(a)
        })
        .collect();
    let candidates = project
        .candidates
        .values()
        .any(|c| c.revenue.is_some())
        .then(|| {
            let mut all = project.candidates.clone();
            for c in all.values_mut() {
                scale_opt(&mut c.revenue);
            }
            all
        });
    Converted {
        meta,
        nodes,
        links,
        agreements,
        candidates,
    }
}

fn has_money(f: &Figures) -> bool {
    [
        f.output,
        f.tax,
        f.value_added,
        f.investment,
        f.profit,
        f.revenue,
        f.rd,
        f.purchases,
        f.local_purchases,
        f.vat,
        f.cit,
        f.other_tax,
        f.rent,
    ]
    .iter()
    .any(Option::is_some)
}

/// The money in an agreement: capital, base and cap amounts, per-unit payments, eligibility
/// thresholds, costs and coalition values. Shares and rates are percentages and stay.
fn convert_agreement(a: &mut Agreement, scale: &dyn Fn(&mut Decimal)) {
    for party in &mut a.parties {
        if let Some(c) = &mut party.capital {
            scale(c);
        }
    }
    for phase in &mut a.phases {
        match &mut phase.rule {
            Rule::Increment {
                base: Base::Amount(v),
                ..
            }
            | Rule::Capped {
                cap: Cap::Amount(v),
                ..
            }
            | Rule::PerUnit { per_unit: v, .. }
            | Rule::Payment {
                amount: PaymentAmount::Fixed(v),
                ..
            }
            | Rule::Payment {
                amount:
                    PaymentAmount::IncrementShare {
                        base: Base::Amount(v),
                        ..
                    },
                ..
            } => scale(v),
            _ => {}
        }
    }
    // Quotas are in 亩 or tce; only their price is money.
    for quota in &mut a.quotas {
        if let Some(price) = &mut quota.price {
            scale(price);
        }
    }
    for rule in &mut a.eligibility {
        let Eligibility::MinAverageBefore { at_least, .. } = rule;
        scale(at_least);
    }
    for cost in &mut a.costs {
        scale(&mut cost.amount);
    }
    for value in &mut a.coalition_values {
        scale(&mut value.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CostItem, LandClass, NodeId};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn factors_between_units() {
        assert_eq!(MoneyUnit::Wan.factor_to(MoneyUnit::Yi), d("0.0001"));
        assert_eq!(MoneyUnit::Yi.factor_to(MoneyUnit::Yuan), d("100000000"));
        assert_eq!(MoneyUnit::Wan.factor_to(MoneyUnit::Wan), Decimal::ONE);
        assert_eq!(MoneyUnit::parse(" 亿元 "), Some(MoneyUnit::Yi));
        assert_eq!(MoneyUnit::parse("千元"), None);
    }

    #[test]
    fn every_amount_is_converted_and_nothing_else() {
        let mut p = Project::new("t");
        let mut firm = Node {
            id: NodeId::from("F1"),
            name: "甲".into(),
            ..Node::default()
        };
        firm.figures.insert(
            2024,
            Figures {
                output: Some(d("1234.5")),
                tax: Some(d("60")),
                profit: Some(d("-20")),
                land_mu: Some(d("40")),
                employees: Some(85),
                ..Figures::default()
            },
        );
        p.nodes.insert(firm.id.clone(), firm);
        let bare = Node {
            id: NodeId::from("F2"),
            name: "乙".into(),
            ..Node::default()
        };
        p.nodes.insert(bare.id.clone(), bare);
        let link = Link {
            id: "L1".into(),
            from: "F1".into(),
            to: "F2".into(),
            value: Some(d("350")),
            ..Link::default()
        };
        p.links.insert(link.id.clone(), link);
        let mut a = Agreement {
            id: "A".into(),
            ..Agreement::default()
        };
        a.costs.push(CostItem {
            amount: d("5000"),
            ..CostItem::default()
        });
        p.agreements.insert(a.id.clone(), a);
        assert!(has_amounts(&p));
        let meta = ProjectMeta {
            land_classes: vec![LandClass {
                name: "A".into(),
                min_tax_per_mu: d("30"),
                min_output_per_mu: Some(d("300")),
            }],
            ..p.meta.clone()
        };
        let c = convert_amounts(&p, &meta, MoneyUnit::Wan.factor_to(MoneyUnit::Yi));
        // 1234.5 万元 = 0.12345 亿元; land and people are not money.
        let f = &c.nodes[0].figures[&2024];
        assert_eq!(c.nodes.len(), 1, "only the firm with figures changes");
        assert_eq!(f.output, Some(d("0.12345")));
        assert_eq!(f.tax, Some(d("0.006")));
        assert_eq!(f.profit, Some(d("-0.002")));
        assert_eq!((f.land_mu, f.employees), (Some(d("40")), Some(85)));
        assert_eq!(c.links[0].value, Some(d("0.035")));
        assert_eq!(c.agreements[0].costs[0].amount, d("0.5"));
        assert_eq!(c.meta.land_classes[0].min_tax_per_mu, d("0.003"));
        assert_eq!(c.meta.land_classes[0].min_output_per_mu, Some(d("0.03")));
        assert!(!has_amounts(&Project::new("empty")));
        assert_eq!(c.candidates, None, "no 招商 list, nothing to convert");
    }

    #[test]
    fn candidate_revenues_follow_the_unit() {
        let mut p = Project::new("t");
        for (id, revenue) in [("c1", Some("18000")), ("c2", None)] {
            let c = Candidate {
                id: id.into(),
                name: id.into(),
                revenue: revenue.map(d),
                ..Candidate::default()
            };
            p.candidates.insert(c.id.clone(), c);
        }
        assert!(has_amounts(&p));
        let c = convert_amounts(&p, &p.meta, MoneyUnit::Wan.factor_to(MoneyUnit::Yi));
        assert!(c.touches_items());
        let converted = c.candidates.unwrap();
        assert_eq!(converted["c1"].revenue, Some(d("1.8")));
        assert_eq!(converted["c2"].revenue, None);
    }
}
