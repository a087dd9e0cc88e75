//! The 主体功能区 check: each local firm's stages against the place it stands in (its region,
//! else its first park's region), taking the nearest 主体功能区 type up the region tree and any
//! 禁止开发 flag on the way. A stage without a land use is not judged.
//!
//! - industrial land in a 禁止开发 place (`industrial_in_no_development`), else industrial land
//!   in a 重点生态功能区 (`industrial_in_ecological`): the stricter rule is named once;
//! - farmland (agricultural land use) in a 城市化地区 (`farmland_in_urbanised`).

use super::Firm;
use super::places::{Parks, place_of_firm, zone_at};
use crate::i18n::Lang;
use crate::model::{ChainId, LandUse, MainFunctionZone, NodeId, Project, StageId};

/// Which rule a warning names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ZoneRule {
    IndustrialInNoDevelopment,
    IndustrialInEcological,
    FarmlandInUrbanised,
}

impl ZoneRule {
    pub fn code(self) -> &'static str {
        match self {
            ZoneRule::IndustrialInNoDevelopment => "industrial_in_no_development",
            ZoneRule::IndustrialInEcological => "industrial_in_ecological",
            ZoneRule::FarmlandInUrbanised => "farmland_in_urbanised",
        }
    }

    /// The rule in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ZoneRule::IndustrialInNoDevelopment => lang.pick(
                "禁止开发区域内不得布局工业",
                "no industry in a no-development area",
            ),
            ZoneRule::IndustrialInEcological => lang.pick(
                "重点生态功能区限制工业开发",
                "industry is limited in a key ecological function area",
            ),
            ZoneRule::FarmlandInUrbanised => lang.pick(
                "大量占用农用地的环节不宜布局在城市化地区",
                "farmland-heavy stages do not belong in an urbanised area",
            ),
        }
    }
}

/// A firm's stage in a place whose 主体功能区 rules it out.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneWarning {
    pub node: NodeId,
    /// The region the firm stands in (its own, else its park's).
    pub region: NodeId,
    /// The 主体功能区 type there (its own or the nearest above; none for a 禁止开发 place in no
    /// typed region).
    pub zone: Option<MainFunctionZone>,
    /// The region the rule comes from: the one with the type, or the one flagged 禁止开发 (the
    /// place itself or a region above it).
    pub rule_from: NodeId,
    pub stage: StageId,
    pub rule: ZoneRule,
    /// The message in Chinese and English.
    messages: [String; 2],
}

impl ZoneWarning {
    /// The warning in words, e.g. "菌包工厂A(菌包生产,工矿仓储用地)位于镇丁(重点生态功能区):
    /// 重点生态功能区限制工业开发".
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.messages[0], &self.messages[1])
    }

    /// Says the warning in both languages (the analysis keeps no project to look names up).
    fn worded(mut self, project: &Project) -> Self {
        self.messages = [Lang::Zh, Lang::En].map(|lang| self.say(project, lang));
        self
    }

    fn say(&self, project: &Project, lang: Lang) -> String {
        let stage = project.stage(&self.stage).map(|(_, s)| s);
        let stage_name = stage.map_or(self.stage.as_str(), |s| s.name.as_str());
        let land = stage.and_then(|s| s.land_use).map_or("", |l| l.label(lang));
        let zone = match (self.rule, self.zone) {
            (ZoneRule::IndustrialInNoDevelopment, _) => {
                lang.pick("禁止开发区域", "no-development area")
            }
            (_, Some(z)) => z.label(lang),
            (_, None) => "",
        };
        let firm = project.node_name(&self.node);
        let region = project.node_name(&self.region);
        // "(重点生态功能区,随柞水县)": where the type comes from when it is a region above.
        let from = if self.rule_from == self.region {
            String::new()
        } else {
            let name = project.node_name(&self.rule_from);
            match lang {
                Lang::Zh => format!(",随{name}"),
                Lang::En => format!(", from {name}"),
            }
        };
        match lang {
            Lang::Zh => format!(
                "{firm}({stage_name},{land})位于{region}({zone}{from}):{}",
                self.rule.label(lang)
            ),
            Lang::En => format!(
                "{firm} ({stage_name}, {} land) is in {region} ({zone}{from}): {}",
                land.to_lowercase(),
                self.rule.label(lang)
            ),
        }
    }
}

pub(super) fn check(
    project: &Project,
    firms: &[Firm],
    chain: Option<&ChainId>,
    parks: &Parks,
) -> Vec<ZoneWarning> {
    let mut warnings = Vec::new();
    for firm in firms {
        let Some(place) = place_of_firm(firm.node, parks) else {
            continue;
        };
        let at = zone_at(project, place);
        for (c, stage) in firm.node.stages.iter().filter_map(|s| project.stage(s)) {
            if chain.is_some_and(|want| &c.id != want) {
                continue;
            }
            let zone = at.zone.as_ref().map(|(z, _)| *z);
            let rule = match (stage.land_use, &at.no_development, &at.zone) {
                (Some(LandUse::Industrial), Some(flagged), _) => {
                    Some((ZoneRule::IndustrialInNoDevelopment, flagged))
                }
                (Some(LandUse::Industrial), None, Some((MainFunctionZone::Ecological, from))) => {
                    Some((ZoneRule::IndustrialInEcological, from))
                }
                (Some(LandUse::Agricultural), _, Some((MainFunctionZone::Urbanised, from))) => {
                    Some((ZoneRule::FarmlandInUrbanised, from))
                }
                _ => None,
            };
            if let Some((rule, from)) = rule {
                warnings.push(
                    ZoneWarning {
                        node: firm.node.id.clone(),
                        region: place.clone(),
                        zone,
                        rule_from: from.clone(),
                        stage: stage.id.clone(),
                        rule,
                        messages: Default::default(),
                    }
                    .worded(project),
                );
            }
        }
    }
    warnings
}
