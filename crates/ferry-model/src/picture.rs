//! PICTURE character-strings: expansion of repetitions, category, digits, scale and size.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    Alphabetic,
    Alphanumeric,
    Numeric,
    NumericEdited,
    AlphanumericEdited,
}

/// What a PICTURE says, independent of USAGE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// The string with repetitions expanded, upper-cased (`9(3)V99` -> `999V99`).
    pub expanded: String,
    pub category: Category,
    /// Numeric: digit positions (9 and P).
    pub digits: u32,
    /// Numeric: decimal scale (digits right of the assumed point; negative with leading-P scaling).
    pub scale: i32,
    pub signed: bool,
    /// Character positions for DISPLAY usage (without a separate sign).
    pub display_len: u32,
}

/// Parses a PICTURE string; `currency` is the currency symbol in use (default `$`).
pub fn parse_picture(pic: &str, currency: char) -> Result<Picture, String> {
    let mut expanded = String::new();
    let mut chars = pic.chars().peekable();
    let mut last: Option<char> = None;
    while let Some(c) = chars.next() {
        if c == '(' {
            let mut n = String::new();
            for d in chars.by_ref() {
                if d == ')' {
                    break;
                }
                n.push(d);
            }
            let count: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("bad repetition `({n})` in PICTURE {pic}"))?;
            let ch = last.ok_or_else(|| format!("repetition without a symbol in PICTURE {pic}"))?;
            if count == 0 || count > 1_000_000 {
                return Err(format!(
                    "repetition ({count}) out of range in PICTURE {pic}"
                ));
            }
            expanded.extend(std::iter::repeat_n(ch, count - 1));
        } else {
            let up = c.to_ascii_uppercase();
            expanded.push(up);
            last = Some(up);
        }
    }
    if expanded.is_empty() {
        return Err("empty PICTURE".into());
    }
    let cur = currency.to_ascii_uppercase();
    let mut digits = 0u32;
    let mut after_point = false;
    let mut scale = 0i32;
    let mut signed = false;
    let mut display_len = 0u32;
    let (mut has_x, mut has_a, mut has_9, mut has_edit, mut has_insert) =
        (false, false, false, false, false);
    let mut p_before_digits = 0i32;
    let mut p_after = 0i32;
    let bytes: Vec<char> = expanded.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            '9' => {
                has_9 = true;
                digits += 1;
                display_len += 1;
                if after_point {
                    scale += 1;
                }
            }
            'X' => {
                has_x = true;
                display_len += 1;
            }
            'A' => {
                has_a = true;
                display_len += 1;
            }
            'S' => signed = true,
            'V' => after_point = true,
            // P positions are not stored digits: leading ones (or after V) push the digits to the
            // right of the point, trailing ones scale the value up.
            'P' => {
                if has_9 && !after_point {
                    p_after += 1;
                } else {
                    p_before_digits += 1;
                }
            }
            'B' | '0' | '/' => {
                has_insert = true;
                display_len += 1;
            }
            'Z' | '*' | '+' | '-' | ',' | '.' => {
                has_edit = true;
                display_len += 1;
                if c == '.' {
                    after_point = true;
                } else if matches!(c, 'Z' | '*') {
                    digits += 1;
                    if after_point {
                        scale += 1;
                    }
                }
            }
            'C' if bytes.get(i + 1) == Some(&'R') => {
                has_edit = true;
                display_len += 2;
                i += 1;
            }
            'D' if bytes.get(i + 1) == Some(&'B') => {
                has_edit = true;
                display_len += 2;
                i += 1;
            }
            c if c == cur => {
                has_edit = true;
                display_len += 1;
            }
            other => return Err(format!("unexpected symbol `{other}` in PICTURE {pic}")),
        }
        i += 1;
    }
    // Floating + - and currency strings: every symbol after the first is a digit position.
    for sym in ['+', '-', cur] {
        let n = expanded.chars().filter(|&c| c == sym).count() as u32;
        if n > 1 {
            digits += n - 1;
            let before = expanded.find('.').or_else(|| expanded.find('V'));
            if let Some(p) = before {
                let after_n = expanded[p..].chars().filter(|&c| c == sym).count() as u32;
                scale += after_n as i32;
            }
        }
    }
    if p_before_digits > 0 {
        // `PP99` is `.PP99`: every digit is a fraction digit, after the P positions.
        scale = if after_point {
            scale + p_before_digits
        } else {
            p_before_digits + digits as i32
        };
    }
    scale -= p_after;
    let category = if has_edit || (has_insert && has_9 && !has_x && !has_a) {
        if has_x || has_a {
            Category::AlphanumericEdited
        } else {
            Category::NumericEdited
        }
    } else if has_insert {
        Category::AlphanumericEdited
    } else if has_x || (has_a && has_9) {
        Category::Alphanumeric
    } else if has_a {
        Category::Alphabetic
    } else {
        Category::Numeric
    };
    if category == Category::Numeric && digits > 38 {
        return Err(format!(
            "PICTURE {pic} has {digits} digits; at most 38 are allowed"
        ));
    }
    Ok(Picture {
        expanded,
        category,
        digits,
        scale,
        signed,
        display_len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Picture {
        parse_picture(s, '$').unwrap()
    }

    #[test]
    fn numeric_pictures() {
        let x = p("S9(5)V99");
        assert_eq!(
            (x.category, x.digits, x.scale, x.signed, x.display_len),
            (Category::Numeric, 7, 2, true, 7)
        );
        let y = p("999PP");
        assert_eq!((y.digits, y.scale, y.display_len), (3, -2, 3));
        let w = p("PP999");
        assert_eq!((w.digits, w.scale, w.display_len), (3, 5, 3));
        let z = p("VPP99");
        assert_eq!((z.digits, z.scale, z.display_len), (2, 4, 2));
    }

    #[test]
    fn edited_and_alphanumeric_pictures() {
        let e = p("ZZ,ZZ9.99CR");
        assert_eq!(
            (e.category, e.display_len, e.digits, e.scale),
            (Category::NumericEdited, 11, 7, 2)
        );
        assert_eq!(p("$$$,$$9.99").digits, 7);
        assert_eq!(p("X(10)").category, Category::Alphanumeric);
        assert_eq!(p("A(3)").category, Category::Alphabetic);
        assert_eq!(p("XXBXX").category, Category::AlphanumericEdited);
        assert_eq!(p("99/99/99").category, Category::NumericEdited);
        assert!(parse_picture("9(x)", '$').is_err());
        assert!(parse_picture("9Q", '$').is_err());
    }
}
