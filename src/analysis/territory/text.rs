//! The territory in a few lines of text, for `chainmap analyze` and the report.

use super::TerritoryReport;
use super::towns::TownReport;
use crate::analysis::percent;
use crate::i18n::Lang;
use crate::model::Segment;

impl TerritoryReport {
    /// The section's heading: "空间(2024 年)" / "Territory (2024)".
    pub fn heading(&self, lang: Lang) -> String {
        let year = self
            .year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "—".into());
        match lang {
            Lang::Zh => format!("空间({year} 年)"),
            Lang::En => format!("Territory ({year})"),
        }
    }

    /// One line a town, then the firms in no town, the concentration in parks (now and over
    /// the years) and the 主体功能区 warnings.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = self.towns.iter().map(|t| town_line(t, lang)).collect();
        if self.towns.is_empty() {
            lines.push(
                lang.pick(
                    "(没有镇级行政区:在行政区的“级别”中选“镇”)",
                    "(no towns: give regions the level Town)",
                )
                .to_owned(),
            );
        }
        lines.extend(self.summary_lines(lang));
        lines.push(match (lang, self.zone_warnings.len()) {
            (Lang::Zh, 0) => "主体功能区:无冲突".to_owned(),
            (Lang::En, 0) => "Main function zones: no conflict".to_owned(),
            (Lang::Zh, n) => format!("主体功能区提示({n}):"),
            (Lang::En, n) => format!("Main function zone warnings ({n}):"),
        });
        lines.extend(
            self.zone_warnings
                .iter()
                .map(|w| format!("  {}", w.message(lang))),
        );
        lines
    }

    /// The firms in no town, and the concentration in parks now and over the years.
    pub fn summary_lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.unplaced.is_empty() {
            let share = percent((self.output > 0.0).then(|| self.unplaced_output / self.output));
            lines.push(match lang {
                Lang::Zh => format!(
                    "未落到镇:{} 家,产值 {:.0}(占 {share})",
                    self.unplaced.len(),
                    self.unplaced_output
                ),
                Lang::En => format!(
                    "In no town: {} firm{}, output {:.0} ({share})",
                    self.unplaced.len(),
                    if self.unplaced.len() == 1 { "" } else { "s" },
                    self.unplaced_output
                ),
            });
        }
        lines.push(self.concentration_line(lang));
        if self.concentration.by_year.len() > 1 {
            let years: Vec<String> = self
                .concentration
                .by_year
                .iter()
                .map(|y| format!("{} {}", y.year, percent(y.park_output_share)))
                .collect();
            lines.push(format!(
                "{}{}{}",
                lang.pick("历年园区产值占比", "Park output share by year"),
                lang.pick(":", ": "),
                years.join(" → ")
            ));
        }
        lines
    }

    /// "核心平台集中度:园区内产值 65.0%、企业 35.0%;县域园区 产值 60.0%、企业 20.0% …".
    pub fn concentration_line(&self, lang: Lang) -> String {
        let c = &self.concentration;
        let levels: Vec<String> = c
            .by_level
            .iter()
            .map(|l| {
                let name = l
                    .level
                    .map_or(lang.pick("未定级园区", "parks of no level"), |l| {
                        l.label(lang)
                    });
                match lang {
                    Lang::Zh => format!(
                        "{name} 产值 {}、企业 {}",
                        percent(l.output_share),
                        percent(l.firm_share)
                    ),
                    Lang::En => format!(
                        "{name}: output {}, firms {}",
                        percent(l.output_share),
                        percent(l.firm_share)
                    ),
                }
            })
            .collect();
        let mut line = match lang {
            Lang::Zh => format!(
                "核心平台集中度:园区内产值 {}、企业 {}",
                percent(c.park_output_share),
                percent(c.park_firm_share)
            ),
            Lang::En => format!(
                "Concentration in core platforms: in parks, output {}, firms {}",
                percent(c.park_output_share),
                percent(c.park_firm_share)
            ),
        };
        if !levels.is_empty() {
            line.push_str(lang.pick(";", "; "));
            line.push_str(&levels.join(lang.pick(";", "; ")));
        }
        line
    }
}

/// "镇甲 工业重镇 · 城市化地区:企业 12,产值 45000(60.0%);区位熵 上 1.20 中 0.40 …;专业化 下游;
/// 符合定位(1.35);联农 2900 户".
fn town_line(t: &TownReport, lang: Lang) -> String {
    let mut tags: Vec<&str> = Vec::new();
    tags.extend(t.class.map(|c| c.label(lang)));
    tags.extend(t.zone.map(|z| z.label(lang)));
    if t.no_development {
        tags.push(lang.pick("含禁止开发区域", "no-development area"));
    }
    let lq: Vec<String> = Segment::ALL
        .iter()
        .filter_map(|s| {
            t.segment_lq
                .get(s)
                .map(|v| format!("{} {v:.2}", s.label(lang)))
        })
        .collect();
    let sep = lang.pick(";", "; ");
    let mut parts = vec![match lang {
        Lang::Zh => format!(
            "企业 {},产值 {:.0}({})",
            t.firms.len(),
            t.output,
            percent(t.share)
        ),
        Lang::En => format!(
            "{} firms, output {:.0} ({})",
            t.firms.len(),
            t.output,
            percent(t.share)
        ),
    }];
    if !lq.is_empty() {
        parts.push(format!("{} {}", lang.pick("区位熵", "LQ"), lq.join(" ")));
    }
    if !t.specialised.is_empty() {
        let names: Vec<&str> = t.specialised.iter().map(|s| s.label(lang)).collect();
        parts.push(format!(
            "{} {}",
            lang.pick("专业化", "specialised in"),
            names.join(lang.pick("、", ", "))
        ));
    }
    if let (Some(fits), Some(v)) = (t.fits_class, t.class_lq) {
        parts.push(match (lang, fits) {
            (Lang::Zh, true) => format!("符合定位({v:.2})"),
            (Lang::Zh, false) => format!("不符合定位({v:.2} < 1)"),
            (Lang::En, true) => format!("fits its class ({v:.2})"),
            (Lang::En, false) => format!("does not fit its class ({v:.2} < 1)"),
        });
    }
    if t.farmers_linked > 0 || t.farmer_links > 0 {
        parts.push(match lang {
            Lang::Zh => format!("联农 {} 户、联农连线 {}", t.farmers_linked, t.farmer_links),
            Lang::En => format!(
                "farmers linked {}, linkage links {}",
                t.farmers_linked, t.farmer_links
            ),
        });
    }
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" {}", tags.join(" · "))
    };
    match lang {
        Lang::Zh => format!("{}{tags}:{}", t.name, parts.join(sep)),
        Lang::En => format!("{}{tags}: {}", t.name, parts.join(sep)),
    }
}
