//! How a lane header fits its stage's name: on one or two lines, at the header's own size or
//! smaller (never below a readable minimum), the stage id in front while there is room for it.
//! When even two lines at the smallest size cannot hold the name, its bracketed detail
//! ("栽培原辅料(木屑/玉米芯/…)" → "栽培原辅料") goes first, and only then is the last line cut
//! with an ellipsis. Chinese breaks between characters, English between words.
//!
//! Pure: the caller measures characters (egui's fonts on the canvas, fixed widths in tests).

/// Lines a header holds at most.
pub(super) const MAX_LINES: usize = 2;

/// Font sizes are tried from the largest down in steps of this many points.
const SIZE_STEP: f32 = 0.5;

/// A header's text as it is to be painted.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct HeaderText {
    /// One or two lines; the first starts with the stage id when `with_id`.
    pub lines: Vec<String>,
    /// Font size (points) the lines fit at.
    pub size: f32,
    /// The first line starts with the stage id and a space.
    pub with_id: bool,
    /// Less than the full name is shown (detail dropped or cut): the full name is on hover.
    pub shortened: bool,
}

/// Fits stage `id` and `name` into a header `width` wide: the first of these that fits on at
/// most [`MAX_LINES`] lines, trying sizes from `largest` down to `smallest`: the full name (with
/// the id when it fits at that size, else without), then the name without its bracketed detail;
/// at `smallest` the name cut with "…" when nothing fits. `char_width(c, size)` measures.
pub(super) fn fit_header(
    id: &str,
    name: &str,
    width: f32,
    (largest, smallest): (f32, f32),
    char_width: &dyn Fn(char, f32) -> f32,
) -> HeaderText {
    let short = without_detail(name);
    let names: Vec<(&str, bool)> = if short.is_empty() || short == name.trim() {
        vec![(name.trim(), false)]
    } else {
        vec![(name.trim(), false), (short.as_str(), true)]
    };
    // Breaking a compound at its hyphen ("selenium-" / "rich") only when a smaller font does
    // not make it unnecessary.
    let tries = names
        .iter()
        .flat_map(|&name| [(name, false), (name, true)])
        .flat_map(|(name, compounds)| {
            sizes(largest, smallest)
                .into_iter()
                .map(move |size| (name, compounds, size))
        });
    for ((text, shortened), compounds, size) in tries {
        let with_id = format!("{id} {text}");
        if !id.is_empty()
            && let Some(lines) = balanced(&with_id, width, size, compounds, char_width)
        {
            return HeaderText {
                lines,
                size,
                with_id: true,
                shortened,
            };
        }
        if let Some(lines) = balanced(text, width, size, compounds, char_width) {
            return HeaderText {
                lines,
                size,
                with_id: false,
                shortened,
            };
        }
    }
    let text = if short.is_empty() {
        name.trim()
    } else {
        &short
    };
    HeaderText {
        lines: wrap_cut(text, width, smallest, MAX_LINES, char_width),
        size: smallest,
        with_id: false,
        shortened: true,
    }
}

/// `largest`, then smaller by [`SIZE_STEP`], down to `smallest` (always tried).
fn sizes(largest: f32, smallest: f32) -> Vec<f32> {
    let mut out = Vec::new();
    let mut size = largest.max(smallest);
    while size > smallest + 1e-3 {
        out.push(size);
        size -= SIZE_STEP;
    }
    out.push(smallest);
    out
}

/// The name without bracketed parts, round or square, half or full width:
/// "菌包(棒)工厂化生产" → "菌包工厂化生产", "deep processing (juice, wine)" → "deep processing".
pub(super) fn without_detail(name: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in name.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Chinese, Japanese or Korean character (or full-width sign): a line may break on either side.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Signs a line never starts with.
fn closes(c: char) -> bool {
    ")]}）】」』、，。：；！？,.;:!?%".contains(c)
}

/// Signs a line never ends with.
fn opens(c: char) -> bool {
    "([{（【「『".contains(c)
}

/// Whether a line may break before `chars[i]`: at spaces, around Chinese characters, after a
/// slash, and after the hyphen of a compound whose first part is a word of its own
/// ("agri-" / "tourism", never "e-" / "commerce").
fn may_break(chars: &[char], i: usize, compounds: bool) -> bool {
    let (prev, next) = (chars[i - 1], chars[i]);
    if next.is_whitespace() || closes(next) || opens(prev) {
        return false;
    }
    if prev == '-' {
        let word = chars[..i - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        return compounds && word >= 3 && next.is_alphabetic();
    }
    prev.is_whitespace() || is_wide(prev) || is_wide(next) || opens(next) || "/·".contains(prev)
}

/// `text` wrapped in `width` at `size` on at most [`MAX_LINES`] lines, the lines made as even as
/// they can be on that many ("科研检测 / 与标准" rather than "科研检测与标 / 准").
fn balanced(
    text: &str,
    width: f32,
    size: f32,
    compounds: bool,
    char_width: &dyn Fn(char, f32) -> f32,
) -> Option<Vec<String>> {
    let mut best = wrap(text, width, size, MAX_LINES, compounds, char_width)?;
    if best.len() < 2 {
        return Some(best);
    }
    // The narrowest width that still takes no more lines (found by halving), as long as it
    // breaks no more compounds at their hyphen than the plain wrap does.
    let hyphens = |lines: &[String]| lines.iter().filter(|l| l.ends_with('-')).count();
    let allowed = hyphens(&best);
    let (mut narrow, mut wide) = (0.0, width);
    for _ in 0..12 {
        let mid = (narrow + wide) / 2.0;
        match wrap(text, mid, size, best.len(), compounds, char_width) {
            Some(lines) if hyphens(&lines) <= allowed => {
                best = lines;
                wide = mid;
            }
            _ => narrow = mid,
        }
    }
    Some(best)
}

/// `text` on at most `max_lines` lines of `width` at `size`, broken only where
/// [`may_break`] allows; `None` when it does not fit.
pub(super) fn wrap(
    text: &str,
    width: f32,
    size: f32,
    max_lines: usize,
    compounds: bool,
    char_width: &dyn Fn(char, f32) -> f32,
) -> Option<Vec<String>> {
    let chars: Vec<char> = text.trim().chars().collect();
    let widths: Vec<f32> = chars.iter().map(|&c| char_width(c, size)).collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if lines.len() == max_lines {
            return None;
        }
        let end = line_end(&chars, &widths, start, width, |i| {
            may_break(&chars, i, compounds)
        })?;
        lines.push(
            chars[start..end]
                .iter()
                .collect::<String>()
                .trim()
                .to_owned(),
        );
        start = end;
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
    }
    Some(lines)
}

/// Where the line starting at `start` ends: the furthest allowed break (or the text's end) whose
/// line, trailing spaces left out, is at most `width`; `None` when not even the first piece fits.
fn line_end(
    chars: &[char],
    widths: &[f32],
    start: usize,
    width: f32,
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best = None;
    let mut used = 0.0;
    // Width of the line up to the last non-space character.
    let mut inked = 0.0;
    for i in start..chars.len() {
        used += widths[i];
        if !chars[i].is_whitespace() {
            inked = used;
        }
        if inked > width + 0.01 {
            break;
        }
        if i + 1 == chars.len() || allowed(i + 1) {
            best = Some(i + 1);
        }
    }
    best
}

/// `text` on `max_lines` lines breaking anywhere needed, the last line cut with "…" when the
/// text is longer; empty lines are left out (a header too narrow for even one character).
fn wrap_cut(
    text: &str,
    width: f32,
    size: f32,
    max_lines: usize,
    char_width: &dyn Fn(char, f32) -> f32,
) -> Vec<String> {
    let chars: Vec<char> = text.trim().chars().collect();
    let widths: Vec<f32> = chars.iter().map(|&c| char_width(c, size)).collect();
    let mut lines = Vec::new();
    let mut start = 0;
    let hyphen = char_width('-', size);
    while start < chars.len() && lines.len() + 1 < max_lines {
        // Prefer a proper break; a word longer than the line is broken where it must, with a
        // hyphen between two letters.
        let proper = line_end(&chars, &widths, start, width, |i| {
            may_break(&chars, i, true)
        });
        let (end, forced) = match proper {
            Some(end) => (end, false),
            None => match line_end(&chars, &widths, start, width - hyphen, |_| true) {
                Some(end) => (end, true),
                None => break,
            },
        };
        let mut line = chars[start..end]
            .iter()
            .collect::<String>()
            .trim()
            .to_owned();
        let letters = |c: char| c.is_ascii_alphabetic();
        if forced && end < chars.len() && letters(chars[end - 1]) && letters(chars[end]) {
            line.push('-');
        }
        lines.push(line);
        start = end;
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
    }
    if start < chars.len() {
        let rest: String = chars[start..].iter().collect();
        let measure = |s: &str| s.chars().map(|c| char_width(c, size)).sum::<f32>();
        let last = if measure(&rest) <= width {
            rest
        } else {
            cut(&chars[start..], width, &measure)
        };
        lines.push(last);
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// The longest start of `chars` that fits `width` with "…" after it.
fn cut(chars: &[char], width: f32, measure: &dyn Fn(&str) -> f32) -> String {
    let mut n = chars.len();
    while n > 0 {
        n -= 1;
        let candidate = chars[..n].iter().collect::<String>().trim_end().to_owned() + "…";
        if n > 0 && measure(&candidate) <= width {
            return candidate;
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese characters a full `size` wide, everything else half: easy to count by hand.
    fn width(c: char, size: f32) -> f32 {
        if is_wide(c) { size } else { size * 0.5 }
    }

    fn fit(id: &str, name: &str, w: f32) -> HeaderText {
        fit_header(id, name, w, (13.0, 11.0), &width)
    }

    #[test]
    fn a_short_name_keeps_its_id_and_the_largest_size() {
        // "U1 菌种研发与繁育": 3 half-width (19.5) + 7 × 13 = 110.5 fits 120 on one line.
        let t = fit("U1", "菌种研发与繁育", 120.0);
        assert_eq!(t.lines, vec!["U1 菌种研发与繁育"]);
        assert_eq!((t.size, t.with_id, t.shortened), (13.0, true, false));
    }

    #[test]
    fn chinese_wraps_between_characters_on_two_lines() {
        // 60 wide at 13: 4 characters a line (52); "U1 " then 3 characters (58.5) on the first.
        let t = fit("U1", "菌种研发与繁育", 60.0);
        assert_eq!(t.lines, vec!["U1 菌种研", "发与繁育"]);
        assert_eq!(t.size, 13.0);
        assert!(t.with_id);
    }

    #[test]
    fn two_lines_are_made_even() {
        // 90 wide: "S1 科研检测与" (84.5) would leave "标准" alone; the lines are evened to
        // "S1 科研检" (58.5) and "测与标准" (52).
        let t = fit("S1", "科研检测与标准", 90.0);
        assert_eq!(t.lines, vec!["S1 科研检", "测与标准"]);
        assert_eq!(t.size, 13.0);
    }

    #[test]
    fn the_id_goes_before_the_font_shrinks() {
        // 8 characters, 52 wide: 4 a line at 13 fits the name alone, not with "U3 ".
        let t = fit("U3", "菌包工厂化生产线", 52.0);
        assert_eq!(t.lines, vec!["菌包工厂", "化生产线"]);
        assert_eq!((t.size, t.with_id), (13.0, false));
    }

    #[test]
    fn the_font_shrinks_to_fit_before_anything_is_cut() {
        // 10 characters, 60 wide: at 13 4 a line (8), at 12 5 a line (10): fits at 12.
        let t = fit("S2", "金融保险与社会化服务", 60.0);
        assert_eq!(t.lines, vec!["金融保险与", "社会化服务"]);
        assert_eq!(t.size, 12.0);
        assert!(!t.shortened);
    }

    #[test]
    fn bracketed_detail_goes_when_the_full_name_cannot_fit_at_the_smallest_size() {
        let name = "栽培原辅料(木屑/玉米芯/麸皮/菌袋耗材)";
        let t = fit("U2", name, 60.0);
        assert_eq!(t.lines, vec!["U2 栽培", "原辅料"]);
        assert!(t.shortened);
        assert_eq!(without_detail("菌包(棒)工厂化生产"), "菌包工厂化生产");
        assert_eq!(
            without_detail("deep processing (juice, dried fruit, wine)"),
            "deep processing"
        );
    }

    #[test]
    fn english_wraps_on_words_and_never_inside_one() {
        // 6.5 a letter at 13: "harvest, drying," (16 letters, 104) is too wide for 100, so
        // three lines would be needed down to 11.5; at 11 (5.5 a letter) the name alone fills
        // two lines of 88 and 99, the id no longer fitting in front.
        let t = fit("M2", "harvest, drying, primary processing", 100.0);
        assert_eq!(t.size, 11.0);
        assert_eq!(t.lines, vec!["harvest, drying,", "primary processing"]);
        assert!(!t.with_id && !t.shortened);
        // "e-commerce" and "R&D" stay whole; "agri-tourism" may break after its hyphen.
        let t = fit("K7", "brand & e-commerce", 100.0);
        assert_eq!(t.lines, vec!["K7 brand &", "e-commerce"]);
        assert_eq!(t.size, 13.0);
        let lines = wrap("spawn R&D / breeding", 50.0, 10.0, 3, true, &width).unwrap();
        assert_eq!(lines, vec!["spawn R&D", "/ breeding"]);
        let lines = wrap("agri-tourism", 40.0, 10.0, 2, true, &width).unwrap();
        assert_eq!(lines, vec!["agri-", "tourism"]);
        // Not "A1 selenium-" / "rich farming" at 13: the id goes, "selenium-rich" (84.5) fits.
        let t = fit("A1", "selenium-rich farming", 90.0);
        assert_eq!(t.lines, vec!["selenium-rich", "farming"]);
        assert_eq!(t.size, 13.0);
        // And a smaller font rather than "selenium-" / "rich": at 11, 71.5 holds "selenium-rich".
        let t = fit("", "selenium-rich farming", 72.0);
        assert_eq!(t.lines, vec!["selenium-rich", "farming"]);
        assert_eq!(t.size, 11.0);
        assert!(wrap("agri-tourism", 40.0, 10.0, 2, false, &width).is_none());
    }

    #[test]
    fn the_ellipsis_comes_only_when_two_lines_at_the_smallest_size_cannot_hold_the_name() {
        // 26 characters of name with nothing in brackets to drop, 4 a line at 11 in 48.
        let t = fit("D9", "精深加工脆片冰淇淋益生菌木耳糖肽菌草茶", 48.0);
        assert_eq!(t.lines, vec!["精深加工", "脆片冰…"]);
        assert_eq!(t.size, 11.0);
        assert!(t.shortened);
        // A header too narrow for even one character shows nothing rather than a lone "…".
        let t = fit("D9", "精深加工", 5.0);
        assert!(t.lines.is_empty());
    }

    #[test]
    fn a_word_too_long_for_the_line_is_hyphenated_only_as_a_last_resort() {
        // 5.25 a letter at 10.5: 44 holds 8 letters, 7 with the hyphen.
        let t = fit_header(
            "M1",
            "cultivation bases and more",
            44.0,
            (10.5, 10.5),
            &width,
        );
        assert_eq!(t.lines, vec!["cultiva-", "tion ba…"]);
        assert!(t.shortened);
    }

    #[test]
    fn a_line_never_starts_with_a_closing_sign() {
        // "菌包(棒)": the break before ")" is not allowed; the line ends after it.
        let lines = wrap("菌包(棒)工厂化生产", 40.0, 10.0, 3, true, &width).unwrap();
        assert_eq!(lines, vec!["菌包(棒)", "工厂化生", "产"]);
        assert!(lines.iter().all(|l| !l.starts_with(')')));
    }
}
