//! Decimal numbers (as JSON writes them) to the nearest `f64`, without the
//! standard library's tables.
//!
//! `str::parse::<f64>` is exact, and fast because of a table of 128-bit
//! powers of five: 11 KB of random-looking bits that no compression shrinks,
//! in a wasm every reader downloads. Event data is mostly small integers,
//! for which the JSON reader has its own path; this module reads the rest
//! just as exactly, more slowly: it guesses with `f64` arithmetic, then
//! checks the guess against the halfway points to its neighbours with exact
//! big-integer comparisons, and steps to a neighbour until the guess is the
//! nearest `f64` (ties to even, subnormals included, as `str::parse` does).
//!
//! ```
//! use news_timeline::core::decimal::parse_f64;
//! assert_eq!(parse_f64("0.1"), Some(0.1));
//! assert_eq!(parse_f64("-1.7976931348623157e308"), Some(f64::MIN));
//! assert_eq!(parse_f64("1e400"), None); // beyond f64
//! assert_eq!(parse_f64("1e-400"), Some(0.0));
//! ```

use std::cmp::Ordering;

/// Significant digits read exactly; beyond them a number is read as lying
/// strictly between its truncations (no halfway point of `f64` needs more
/// than 767 digits, so the result is the same).
const MAX_DIGITS: usize = 800;

/// The powers of ten that are exact in an `f64`.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The `f64` nearest to `text`, a number in JSON's syntax (`-`, digits,
/// an optional fraction and exponent); `None` when it is beyond `f64`'s
/// range (it would round to infinity).
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (text.get(..at)?, text.get(at + 1..)?),
        None => (text, "0"),
    };
    let exponent = exponent
        .trim_start_matches('+')
        .bytes()
        .try_fold((false, 0i64), |(minus, n), b| match b {
            b'-' => Some((true, n)),
            b'0'..=b'9' => Some((minus, (n * 10 + i64::from(b - b'0')).min(1 << 40))),
            _ => None,
        })
        .map(|(minus, n)| if minus { -n } else { n })?;
    let mut digits = Vec::new();
    let mut exp10 = exponent;
    let mut truncated = false;
    let mut in_fraction = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => in_fraction = true,
            b'0'..=b'9' => {
                if in_fraction {
                    exp10 -= 1;
                }
                if digits.is_empty() && b == b'0' {
                    continue;
                }
                if digits.len() < MAX_DIGITS {
                    digits.push(b - b'0');
                } else {
                    exp10 += 1;
                    truncated |= b != b'0';
                }
            }
            _ => return None,
        }
    }
    if truncated {
        // Strictly between the truncation and the next number up: a 1
        // just past the digits kept.
        digits.push(1);
        exp10 -= 1;
    } else {
        while digits.last() == Some(&0) {
            digits.pop();
            exp10 += 1;
        }
    }
    let sign = |x: f64| if negative { -x } else { x };
    let count = digits.len() as i64;
    if count == 0 || count + exp10 < -330 {
        return Some(sign(0.0));
    }
    if count + exp10 > 310 {
        return None;
    }
    let leading = digits
        .iter()
        .take(19)
        .fold(0u64, |n, &d| n * 10 + u64::from(d));
    // Clinger's fast path: both factors exact, so one rounding.
    if count <= 15 && exp10.unsigned_abs() <= 22 {
        let power = power_of_ten(exp10.abs());
        let x = leading as f64;
        return Some(sign(if exp10 < 0 { x / power } else { x * power }));
    }
    let scale = exp10 + (count - count.min(19));
    let guess = nearest(&digits, exp10, approximate(leading, scale))?;
    Some(sign(guess))
}

/// `leading × 10^scale` with `f64` arithmetic: a few units in the last
/// place off at most, kept out of the subnormal and infinite ranges until
/// the last step.
fn approximate(leading: u64, scale: i64) -> f64 {
    let mut x = leading as f64;
    let mut scale = scale;
    // Far out, scale in two steps so no intermediate leaves the range.
    if scale < -300 {
        x *= power_of_ten(scale + 300);
        scale = -300;
    } else if scale > 300 {
        x *= power_of_ten(scale - 300);
        scale = 300;
    }
    let x = x * power_of_ten(scale);
    if x.is_infinite() {
        f64::MAX
    } else {
        x
    }
}

/// `10^n` as an `f64` (exact up to 22; a product of exact powers beyond).
fn power_of_ten(n: i64) -> f64 {
    let mut x = 1.0;
    let mut left = n.unsigned_abs();
    while left > 0 {
        let step = left.min(22);
        x *= EXACT_POWERS.get(step as usize).copied().unwrap_or(1.0);
        left -= step;
    }
    if n < 0 {
        1.0 / x
    } else {
        x
    }
}

/// From `guess`, the `f64` nearest to `digits × 10^exp10`; `None` if that
/// rounds to infinity.
fn nearest(digits: &[u8], exp10: i64, mut guess: f64) -> Option<f64> {
    let value = Big::from_digits(digits);
    // A guess is a few steps away at most; the bound only guards a loop.
    for _ in 0..64 {
        let (m, k) = decompose(guess);
        // The halfway points to the neighbours: (2m ± 1) × 2^(k − 1), and
        // below a power of two, where the spacing halves, (4m − 1) × 2^(k − 2).
        let above = compare(&value, exp10, 2 * m + 1, k - 1);
        if above == Ordering::Greater || (above == Ordering::Equal && m % 2 == 1) {
            guess = next_up(guess);
            if guess.is_infinite() {
                return None;
            }
            continue;
        }
        if m == 0 {
            return Some(guess);
        }
        let below = if m == 1 << 52 && k > -1074 {
            compare(&value, exp10, 4 * m - 1, k - 2)
        } else {
            compare(&value, exp10, 2 * m - 1, k - 1)
        };
        if below == Ordering::Less || (below == Ordering::Equal && m % 2 == 1) {
            guess = next_down(guess);
            continue;
        }
        return Some(guess);
    }
    Some(guess)
}

/// `x` (finite, not negative) as `m × 2^k` with `m < 2^53`.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    }
}

fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

fn next_down(x: f64) -> f64 {
    f64::from_bits(x.to_bits() - 1)
}

/// How `digits × 10^exp10` compares with `m × 2^k`, exactly.
fn compare(value: &Big, exp10: i64, m: u64, k: i64) -> Ordering {
    let mut left = value.clone();
    let mut right = Big::from_u64(m);
    if exp10 >= 0 {
        left.mul_pow10(exp10.unsigned_abs());
    } else {
        right.mul_pow10(exp10.unsigned_abs());
    }
    if k >= 0 {
        right.shl(k.unsigned_abs());
    } else {
        left.shl(k.unsigned_abs());
    }
    left.compare(&right)
}

/// A natural number as little-endian base-2^32 limbs without leading
/// zero limbs, with just what the comparisons need.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut limbs = vec![n as u32, (n >> 32) as u32];
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Big(limbs)
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let (scale, add) = chunk.iter().fold((1u32, 0u32), |(scale, add), &d| {
                (scale * 10, add * 10 + u32::from(d))
            });
            big.mul_add(scale, add);
        }
        big
    }

    /// `self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u64) {
        while n > 0 {
            let step = n.min(9);
            self.mul_add(10u32.pow(step as u32), 0);
            n -= step;
        }
    }

    fn shl(&mut self, bits: u64) {
        let (words, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    fn compare(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// What `str::parse` (the exact reference) gives, as this module
    /// returns it.
    fn reference(text: &str) -> Option<f64> {
        text.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    fn same(text: &str) {
        let ours = parse_f64(text);
        let theirs = reference(text);
        assert_eq!(
            ours.map(f64::to_bits),
            theirs.map(f64::to_bits),
            "{text}: ours {ours:?}, std {theirs:?}"
        );
    }

    #[test]
    fn the_hard_cases_are_read_as_std_reads_them() {
        for text in [
            "0", "-0", "0.0", "1", "0.1", "0.3", "3.14159", "1e23", "8.98846567431158e307",
            "9007199254740993", "9007199254740992.5", "9007199254740993.0000000001",
            "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-324", "5e-324",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999",
            "0.000000000000000000000000000000000000000000000001234567890123456789012345678901234567890",
            "123456789012345678901234567890e-20", "1e-400", "1e400", "1e22", "1e-22", "123e-7",
        ] {
            same(text);
        }
    }

    #[test]
    fn many_digits_beyond_the_limit_still_round_correctly() {
        let long = format!("1.{}1e-5", "0".repeat(900));
        same(&long);
        let halfway = format!("9007199254740992.5{}", "0".repeat(900));
        same(&halfway);
        let above = format!("9007199254740992.5{}1", "0".repeat(900));
        same(&above);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]

            #[test]
            fn every_f64_written_either_way_reads_back(bits in any::<u64>()) {
                let x = f64::from_bits(bits);
                prop_assume!(x.is_finite());
                let x = x.abs();
                for text in [format!("{x}"), format!("{x:e}"), format!("{x:.17e}")] {
                    prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(x.to_bits()), "{}", text);
                }
            }

            #[test]
            fn random_decimals_read_as_std_reads_them(
                int in "[0-9]{1,25}",
                frac in proptest::option::of("[0-9]{1,25}"),
                exp in proptest::option::of(-350i32..350),
            ) {
                let mut text = int;
                if let Some(frac) = frac {
                    text.push('.');
                    text.push_str(&frac);
                }
                if let Some(exp) = exp {
                    text.push_str(&format!("e{exp}"));
                }
                prop_assert_eq!(
                    parse_f64(&text).map(f64::to_bits),
                    reference(&text).map(f64::to_bits),
                    "{}", text
                );
            }
        }
    }
}
