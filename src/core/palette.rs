//! The colours of groups, tags and eras, checked and made readable on
//! both themes' backgrounds.
//!
//! # Overview
//!
//! - [`Palette::new`]: the data's colours (`groups[i].color`, `colors`,
//!   `eras[i].color`) as [`Swatch`]es, each adjusted per theme until it
//!   has [`MIN_CONTRAST`] against that theme's background, and the
//!   problems found (a colour that is not one, a colour that had to be
//!   adjusted), at the colour's path.
//! - [`Palette::of_event`]: an event's colour: its group's, else its first
//!   coloured tag's, else none (the accent).
//! - [`contrast`], [`readable`]: the WCAG 2 arithmetic.
//!
//! Core cannot tell what a CSS colour string means (`"firebrick"`,
//! `"oklch(…)"`); the caller gives a function that can (in the browser, a
//! canvas draws it), returning its RGBA, or `None` for text that is no
//! colour.
//!
//! ```
//! use news_timeline::core::import::parse_document;
//! use news_timeline::core::palette::{parse_hex, Palette};
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! let parsed = parse_document(
//!     r#"{"events": [{"start": "2019", "title": "a", "group": "sea"}],
//!         "groups": [{"id": "sea", "color": "steelblue"}]}"#,
//! )?;
//! // Only hex colours are understood here; a browser knows "steelblue".
//! let palette = Palette::new(&parsed.timeline, &|css| parse_hex(css));
//! assert_eq!(palette.problems[0].path, "groups[0].color");
//! # Ok(())
//! # }
//! ```
//!
//! # What is a slug?
//!
//! The name of the CSS custom property a page sets to override a colour
//! the data gives: `--nt-color-<slug>`, the group id or tag with ASCII
//! letters lowercased and every other character (spaces, punctuation,
//! non-ASCII letters) as `-`: "Middle East" → `middle-east`.

use super::model::{DataColor, Event, Problem, Timeline};
use std::fmt;
use std::sync::Arc;

/// A colour as drawn: red, green, blue, alpha (sRGB, 0–255).
pub type Rgba = [u8; 4];

/// The background of the light theme (`--nt-bg`'s default).
pub const LIGHT_BG: Rgba = [0xff, 0xff, 0xff, 0xff];
/// The background of the dark theme (`--nt-bg`'s default there).
pub const DARK_BG: Rgba = [0x16, 0x16, 0x16, 0xff];
/// What each colour needs against the background: WCAG's minimum for
/// graphics and large text.
pub const MIN_CONTRAST: f64 = 3.0;

/// One colour of the data, as each theme draws it: an inline style
/// setting `--_cl` (light) and `--_cd` (dark), the custom properties the
/// stylesheet picks from, each the page's override if it sets one:
/// `--_cl:var(--nt-color-sea,#4682b4);--_cd:var(--nt-color-sea,#4682b4)`.
pub type Swatch = Arc<str>;

/// A [`Swatch`] of the colours `light` and `dark`, overridden by
/// `--nt-color-<slug>` when there is a slug.
fn swatch(slug: Option<&str>, light: Rgba, dark: Rgba) -> Swatch {
    let value = |rgba: Rgba| {
        let hex = hex(rgba);
        match slug {
            Some(slug) => ["var(--nt-color-", slug, ",", &hex, ")"].concat(),
            None => hex,
        }
    };
    ["--_cl:", &value(light), ";--_cd:", &value(dark)]
        .concat()
        .into()
}

/// The data's colours, ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Palette {
    /// By group, in the timeline's group order.
    groups: Vec<(Arc<str>, Swatch)>,
    /// By tag, in the data's order.
    tags: Vec<(Arc<str>, Swatch)>,
    /// By era, in time order (`None`: the default tint).
    eras: Vec<Option<Swatch>>,
    /// Colours that are none, or were adjusted, at their paths.
    pub problems: Vec<Problem>,
}

/// Why a colour was not used as given; `Display` writes it.
enum ColorProblem<'a> {
    NotAColor(&'a str),
    /// Adjusted on the light and/or dark background: the contrast it had
    /// (in tenths) and the colour used instead.
    LowContrast {
        css: &'a str,
        light: Option<(u32, Rgba)>,
        dark: Option<(u32, Rgba)>,
    },
}

impl fmt::Display for ColorProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColorProblem::NotAColor(css) => write!(
                f,
                "expected a CSS colour such as \"#b22222\", but found \"{css}\" (the default colour is used)"
            ),
            ColorProblem::LowContrast { css, light, dark } => {
                write!(f, "\"{css}\" has too little contrast (3:1 is needed): ")?;
                let themes = [("light background", "darkened", light), ("dark background", "lightened", dark)];
                let mut first = true;
                for (background, how, adjusted) in themes {
                    let Some((tenths, used)) = adjusted else {
                        continue;
                    };
                    if !first {
                        f.write_str(", ")?;
                    }
                    first = false;
                    write!(
                        f,
                        "{}.{}:1 against the {background} ({how} to {} there)",
                        tenths / 10,
                        tenths % 10,
                        hex(*used)
                    )?;
                }
                Ok(())
            }
        }
    }
}

impl Palette {
    /// The colours of `timeline`, each read by `resolve` (RGBA, or `None`
    /// for text that is no CSS colour) and made readable on both themes.
    pub fn new(timeline: &Timeline, resolve: &dyn Fn(&str) -> Option<Rgba>) -> Palette {
        let mut palette = Palette::default();
        let mut color_of = |color: &DataColor, slug: Option<String>| {
            let Some(rgba) = resolve(&color.css) else {
                palette.problems.push(Problem {
                    path: color.path.clone(),
                    message: ColorProblem::NotAColor(&color.css).to_string(),
                });
                return None;
            };
            let light = readable(rgba, LIGHT_BG);
            let dark = readable(rgba, DARK_BG);
            if light.is_some() || dark.is_some() {
                let problem = ColorProblem::LowContrast {
                    css: &color.css,
                    light: light.map(|used| (tenths(rgba, LIGHT_BG), used)),
                    dark: dark.map(|used| (tenths(rgba, DARK_BG), used)),
                };
                palette.problems.push(Problem {
                    path: color.path.clone(),
                    message: problem.to_string(),
                });
            }
            Some(swatch(
                slug.as_deref(),
                light.unwrap_or(rgba),
                dark.unwrap_or(rgba),
            ))
        };
        let mut groups = Vec::new();
        for group in &timeline.groups {
            if let Some(color) = &group.color {
                if let Some(s) = color_of(color, Some(slug(&group.id))) {
                    groups.push((group.id.clone(), s));
                }
            }
        }
        let mut tags = Vec::new();
        for (tag, color) in &timeline.colors {
            if let Some(s) = color_of(color, Some(slug(tag))) {
                tags.push((tag.clone(), s));
            }
        }
        let eras = timeline
            .eras
            .iter()
            .map(|era| era.color.as_ref().and_then(|c| color_of(c, None)))
            .collect();
        // Problems in the order of the data: groups, colors, eras (the
        // closure pushed them as it went).
        Palette {
            groups,
            tags,
            eras,
            problems: palette.problems,
        }
    }

    /// The colour of the group `id`, if the data gives one.
    pub fn of_group(&self, id: &str) -> Option<&Swatch> {
        find(&self.groups, id)
    }

    /// The colour of the tag `tag`, if the data gives one.
    pub fn of_tag(&self, tag: &str) -> Option<&Swatch> {
        find(&self.tags, tag)
    }

    /// The tint of the era at `index` (in time order).
    pub fn of_era(&self, index: usize) -> Option<&Swatch> {
        self.eras.get(index)?.as_ref()
    }

    /// An event's colour: its group's, else its first coloured tag's.
    pub fn of_event(&self, event: &Event) -> Option<&Swatch> {
        event
            .group
            .as_deref()
            .and_then(|g| self.of_group(g))
            .or_else(|| event.tags.iter().find_map(|t| self.of_tag(t)))
    }

    /// Whether the data gives no colour at all.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.tags.is_empty()
    }
}

fn find<'a>(all: &'a [(Arc<str>, Swatch)], name: &str) -> Option<&'a Swatch> {
    all.iter().find(|(n, _)| **n == *name).map(|(_, s)| s)
}

/// The custom property name part for a group or tag (see the module's
/// "What is a slug?").
pub fn slug(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// `#rrggbb`, or `#rrggbbaa` for a translucent colour.
pub fn hex(rgba: Rgba) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let [r, g, b, a] = rgba;
    let mut out = String::from("#");
    let channels: &[u8] = if a == 255 { &[r, g, b] } else { &[r, g, b, a] };
    for &c in channels {
        for nibble in [c >> 4, c & 15] {
            out.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

/// A `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` colour; `None` for other
/// text (the browser reads every CSS colour; this is for tests and
/// examples).
pub fn parse_hex(css: &str) -> Option<Rgba> {
    let digits = css.trim().strip_prefix('#')?.as_bytes();
    let width = match digits.len() {
        3 | 4 => 1,
        6 | 8 => 2,
        _ => return None,
    };
    let digit = |i: usize| char::from(*digits.get(i)?).to_digit(16);
    let value = |i: usize| {
        Some(if width == 1 {
            digit(i)? * 17
        } else {
            digit(2 * i)? * 16 + digit(2 * i + 1)?
        } as u8)
    };
    let alpha = if digits.len() % 4 == 0 {
        value(3)?
    } else {
        255
    };
    Some([value(0)?, value(1)?, value(2)?, alpha])
}

/// `x` to the power 2.4 for `x` in `[0, 1]`, by Newton's method on
/// `y⁵ = x¹²` (`powf` would add its own kilobytes to the wasm).
fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    // x^2.4 = x^2 · z, where z = x^0.4 solves z^5 = x^2.
    let a = x * x;
    let mut z = 1.0_f64;
    for _ in 0..40 {
        let z4 = z * z * z * z;
        let next = (4.0 * z + a / z4) / 5.0;
        if (next - z).abs() < 1e-15 {
            break;
        }
        z = next;
    }
    a * z
}

/// One channel's linear light (WCAG 2's sRGB transfer).
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        pow_2_4((c + 0.055) / 1.055)
    }
}

/// WCAG 2's relative luminance of an opaque colour (alpha ignored).
pub fn relative_luminance(rgba: Rgba) -> f64 {
    let [r, g, b, _] = rgba;
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// `color` drawn over the opaque `background`, as the reader sees it.
pub fn over(color: Rgba, background: Rgba) -> Rgba {
    let a = f64::from(color[3]) / 255.0;
    let mix = |i: usize| {
        let (c, b) = (color.get(i).copied(), background.get(i).copied());
        let (c, b) = (f64::from(c.unwrap_or(0)), f64::from(b.unwrap_or(0)));
        (c * a + b * (1.0 - a)).round() as u8
    };
    [mix(0), mix(1), mix(2), 255]
}

/// The WCAG 2 contrast ratio of two colours, from 1 to 21, `color`
/// drawn over the opaque `background`.
pub fn contrast(color: Rgba, background: Rgba) -> f64 {
    let a = relative_luminance(over(color, background));
    let b = relative_luminance(background);
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The contrast in whole tenths, rounded down (so a colour that fails
/// never reads "3.0:1").
fn tenths(color: Rgba, background: Rgba) -> u32 {
    (contrast(color, background) * 10.0).floor() as u32
}

/// `None` when `color` already has [`MIN_CONTRAST`] against `background`;
/// otherwise the colour as little darkened (on a light background) or
/// lightened (on a dark one) as gets it there: mixed with black or white,
/// which keeps its hue.
pub fn readable(color: Rgba, background: Rgba) -> Option<Rgba> {
    let passes = |c: Rgba| contrast(c, background) >= MIN_CONTRAST;
    if passes(color) {
        return None;
    }
    let seen = over(color, background);
    let target: f64 = if relative_luminance(background) > 0.18 {
        0.0
    } else {
        255.0
    };
    let mixed = |t: f64| {
        let channel = |i: usize| {
            let c = f64::from(seen.get(i).copied().unwrap_or(0));
            (c + (target - c) * t).round() as u8
        };
        [channel(0), channel(1), channel(2), 255]
    };
    // The smallest share of black or white that passes; all of it always
    // does against the two themes' backgrounds.
    let (mut low, mut high) = (0.0, 1.0);
    for _ in 0..16 {
        let middle = (low + high) / 2.0;
        if passes(mixed(middle)) {
            high = middle;
        } else {
            low = middle;
        }
    }
    Some(mixed(high))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;

    #[test]
    fn the_power_agrees_with_powf() {
        for i in 0..=1000 {
            let x = f64::from(i) / 1000.0;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{x}");
        }
    }

    #[test]
    fn contrast_is_wcag_s() {
        let black = [0, 0, 0, 255];
        let white = [255, 255, 255, 255];
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert_eq!(tenths([0x76, 0x76, 0x76, 255], white), 45);
        // The theme's own accent passes on its background.
        assert!(contrast([0x1f, 0x5f, 0xbf, 255], LIGHT_BG) >= MIN_CONTRAST);
        assert!(contrast([0x7a, 0xa7, 0xff, 255], DARK_BG) >= MIN_CONTRAST);
        // Half-transparent black over white is a mid grey.
        assert_eq!(over([0, 0, 0, 128], white), [127, 127, 127, 255]);
    }

    #[test]
    fn readable_colours_stay_and_others_move_just_past_three_to_one() {
        let yellow = [0xff, 0xeb, 0x3b, 255];
        assert_eq!(readable([0xb2, 0x22, 0x22, 255], LIGHT_BG), None);
        assert_eq!(readable(yellow, DARK_BG), None);
        let darker = readable(yellow, LIGHT_BG).unwrap();
        assert!(contrast(darker, LIGHT_BG) >= MIN_CONTRAST);
        // Barely: one step less dark would fail.
        let lighter_step = darker.map(|c| c.saturating_add(2));
        assert!(
            contrast(
                [lighter_step[0], lighter_step[1], lighter_step[2], 255],
                LIGHT_BG
            ) < MIN_CONTRAST
        );
        // Darkened towards black: the hue stays (red stays above blue).
        assert!(darker[0] > darker[2] && darker[1] > darker[2]);
        let navy = [0x00, 0x00, 0x50, 255];
        let lighter = readable(navy, DARK_BG).unwrap();
        assert!(contrast(lighter, DARK_BG) >= MIN_CONTRAST);
        assert!(lighter[2] > lighter[0]);
        // A faint colour is judged as drawn, and comes out opaque.
        let faint = readable([0xb2, 0x22, 0x22, 40], LIGHT_BG).unwrap();
        assert_eq!(faint[3], 255);
        assert!(contrast(faint, LIGHT_BG) >= MIN_CONTRAST);
        // Every grey ends up readable on both backgrounds.
        for v in (0..=255).step_by(5) {
            for bg in [LIGHT_BG, DARK_BG] {
                let c = [v, v, v, 255];
                let used = readable(c, bg).unwrap_or(c);
                assert!(contrast(used, bg) >= MIN_CONTRAST, "{v} on {bg:?}");
            }
        }
    }

    #[test]
    fn hex_reads_and_writes() {
        assert_eq!(parse_hex("#b22"), Some([0xbb, 0x22, 0x22, 255]));
        assert_eq!(parse_hex(" #B2222280 "), Some([0xb2, 0x22, 0x22, 0x80]));
        assert_eq!(parse_hex("#b222"), Some([0xbb, 0x22, 0x22, 0x22]));
        assert_eq!(parse_hex("b22222"), None);
        assert_eq!(parse_hex("#b2222"), None);
        assert_eq!(parse_hex("#gg0000"), None);
        assert_eq!(hex([0xb2, 0x22, 0x02, 255]), "#b22202");
        assert_eq!(hex([0xb2, 0x22, 0x02, 0x80]), "#b2220280");
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_dashes() {
        assert_eq!(slug("Middle East"), "middle-east");
        assert_eq!(slug("US/Iran 2019"), "us-iran-2019");
        assert_eq!(slug("Militär"), "milit-r");
        assert_eq!(slug(";}x{"), "--x-");
    }

    fn palette(text: &str) -> Palette {
        Palette::new(&parse_document(text).unwrap().timeline, &parse_hex)
    }

    const THREADS: &str = r##"{"events": [
        {"start": "2019-01", "title": "a", "group": "military", "tags": ["air", "sea"]},
        {"start": "2019-02", "title": "b", "group": "talks", "tags": ["air", "sea"]},
        {"start": "2019-03", "title": "c", "tags": ["land"]}],
      "groups": [{"id": "military", "color": "#b22222"}, {"id": "talks", "color": "blurple"}],
      "colors": {"sea": "#ffeb3b", "land": "#000"},
      "eras": [{"start": "2019-01", "end": "2019-02", "color": "#4682b4"}, {"start": "2019-02", "end": "2019-03"}]}"##;

    #[test]
    fn an_event_takes_its_group_s_colour_else_its_first_coloured_tag_s() {
        let p = palette(THREADS);
        let events = parse_document(THREADS).unwrap().timeline.events;
        let of = |i: usize| p.of_event(&events[i]).map(|s| s.to_string());
        assert_eq!(
            of(0).as_deref(),
            Some("--_cl:var(--nt-color-military,#b22222);--_cd:var(--nt-color-military,#b73131)")
        );
        // "talks" has no valid colour, "air" none at all: "sea", darkened
        // on the light background only.
        assert_eq!(
            of(1).as_deref(),
            Some("--_cl:var(--nt-color-sea,#a39626);--_cd:var(--nt-color-sea,#ffeb3b)")
        );
        assert_eq!(
            p.of_tag("land").map(|s| &**s),
            Some("--_cl:var(--nt-color-land,#000000);--_cd:var(--nt-color-land,#636363)")
        );
        assert_eq!(
            p.of_era(0).map(|s| &**s),
            Some("--_cl:#4682b4;--_cd:#4682b4")
        );
        assert_eq!(p.of_era(1), None);
        assert!(!p.is_empty());
    }

    #[test]
    fn colours_that_are_none_or_too_faint_are_reported_at_their_paths() {
        let found: Vec<String> = palette(THREADS)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                r##"groups[0].color: "#b22222" has too little contrast (3:1 is needed): 2.7:1 against the dark background (lightened to #b73131 there)"##,
                r##"groups[1].color: expected a CSS colour such as "#b22222", but found "blurple" (the default colour is used)"##,
                r##"colors.sea: "#ffeb3b" has too little contrast (3:1 is needed): 1.2:1 against the light background (darkened to #a39626 there)"##,
                r##"colors.land: "#000" has too little contrast (3:1 is needed): 1.1:1 against the dark background (lightened to #636363 there)"##,
            ]
        );
    }
}
