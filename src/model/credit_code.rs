//! 统一社会信用代码 (unified social credit code, GB 32100-2015): the 18-character identity every
//! Chinese firm, cooperative and institution is registered under. Read as people copy it from a
//! licence (spaces, full-width characters, lower case) and checked: its alphabet and its check
//! digit. A firm's code is its identity across lists made by different offices.

use crate::i18n::Lang;

/// The 31 characters a code is written in (no I, O, S, V, Z), each standing for its position.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of the first 17 characters: 3^i mod 31.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// What is wrong with a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not 18 characters long (the count found).
    Length(usize),
    /// A character outside the code's alphabet (the one found).
    Character(char),
    /// The last character is not the check character of the first 17 (the one expected).
    CheckDigit(char),
}

impl CodeProblem {
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (CodeProblem::Length(n), Lang::Zh) => {
                format!("统一社会信用代码应为 18 位,这里是 {n} 位")
            }
            (CodeProblem::Length(n), Lang::En) => {
                format!("a unified social credit code has 18 characters, this one {n}")
            }
            (CodeProblem::Character(c), Lang::Zh) => {
                format!("统一社会信用代码中不应有“{c}”(不用 I、O、S、V、Z)")
            }
            (CodeProblem::Character(c), Lang::En) => format!(
                "a unified social credit code has no \"{c}\" (I, O, S, V and Z are not used)"
            ),
            (CodeProblem::CheckDigit(c), Lang::Zh) => {
                format!("统一社会信用代码校验位不符(应为“{c}”),可能抄错了")
            }
            (CodeProblem::CheckDigit(c), Lang::En) => format!(
                "the credit code's check character does not match (it should be \"{c}\"): probably mistyped"
            ),
        }
    }
}

/// The code as stored: spaces and dashes dropped, full-width characters made half-width, upper
/// case.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            _ => Some(c),
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Checks a normalised code: 18 characters of the alphabet, the last the check character.
pub fn check(code: &str) -> Result<(), CodeProblem> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(CodeProblem::Length(chars.len()));
    }
    let mut values = Vec::with_capacity(18);
    for c in &chars {
        match ALPHABET.find(*c) {
            Some(v) => values.push(v as u32),
            None => return Err(CodeProblem::Character(*c)),
        }
    }
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let expected = (31 - sum % 31) % 31;
    if values[17] == expected {
        Ok(())
    } else {
        Err(CodeProblem::CheckDigit(
            ALPHABET.chars().nth(expected as usize).unwrap_or('?'),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_pass_and_typos_are_caught() {
        // Codes as published on licences (the check characters worked by hand: Σ cᵢwᵢ mod 31).
        for good in ["91350100M000100Y43", "91110108551385082Q"] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
        // One character changed: the check character no longer fits.
        assert_eq!(
            check("91350100M000100Y44"),
            Err(CodeProblem::CheckDigit('3'))
        );
        assert_eq!(check("9135010"), Err(CodeProblem::Length(7)));
        assert_eq!(
            check("91350100M000100YO3"),
            Err(CodeProblem::Character('O'))
        );
    }

    #[test]
    fn codes_are_read_as_people_copy_them() {
        assert_eq!(
            normalise(" ９１３５０１００ｍ000100y43 "),
            "91350100M000100Y43"
        );
        assert_eq!(normalise("9135-0100 M000100Y43"), "91350100M000100Y43");
    }
}
