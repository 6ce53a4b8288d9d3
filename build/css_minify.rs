//! The CSS minifier of build.rs: drops comments and the whitespace that
//! does not change what the CSS means, and changes nothing else (no value
//! rewriting, no last `;` dropped). Strings and unquoted `url(…)` are copied
//! as they are. Kept apart from build.rs so that `cargo test` tests it
//! (tests/css_minify.rs includes this file).

/// Characters after which whitespace never matters.
fn no_space_after(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>' | '~' | '(' | ':')
}

/// Characters before which whitespace never matters. Not `(` (`and (` is
/// not `and(`), not `:` (`a :hover` is not `a:hover`), not `+`/`-` (calc).
fn no_space_before(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>' | '~' | ')')
}

/// `src` without comments and insignificant whitespace.
pub fn minify_css(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut space = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            // A comment counts as whitespace: `a/**/b` must not become `ab`.
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if space {
            if let Some(last) = out.chars().last() {
                // `--x: ;` (an empty custom property) keeps its space.
                let empty_value = last == ':' && matches!(c, ';' | '}');
                if empty_value || !(no_space_after(last) || no_space_before(c)) {
                    out.push(' ');
                }
            }
            space = false;
        }
        if c == '"' || c == '\'' {
            i = copy_string(&chars, i, &mut out);
            continue;
        }
        if is_url_start(&chars, i) {
            out.extend(&chars[i..i + 4]);
            i += 4;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i < chars.len() && chars[i] != '"' && chars[i] != '\'' {
                // Unquoted: everything up to `)` is the URL.
                while i < chars.len() && chars[i] != ')' {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        out.push(chars[i]);
                        i += 1;
                    }
                    out.push(chars[i]);
                    i += 1;
                }
                while out.ends_with(char::is_whitespace) {
                    out.pop();
                }
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Copies the string that starts at `chars[start]` (a quote), escapes and
/// all, and returns the index after it.
fn copy_string(chars: &[char], start: usize, out: &mut String) -> usize {
    let quote = chars[start];
    out.push(quote);
    let mut i = start + 1;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        if c == '\\' && i < chars.len() {
            out.push(chars[i]);
            i += 1;
        } else if c == quote || c == '\n' {
            break;
        }
    }
    i
}

/// `url(` (any case) that starts a token here.
fn is_url_start(chars: &[char], i: usize) -> bool {
    let word: String = chars.iter().skip(i).take(4).collect();
    word.eq_ignore_ascii_case("url(")
        && (i == 0 || !(chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '-' | '_' | '\\')))
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn drops_comments_and_whitespace_between_tokens() {
        let css =
            "/* head */\n.a  .b > .c ,\n.d {\n  color : red ;\n  margin: 0 auto; /* why */\n}\n";
        assert_eq!(minify_css(css), ".a .b>.c,.d{color :red;margin:0 auto;}");
    }

    #[test]
    fn keeps_the_whitespace_that_means_something() {
        // Descendant `:hover`, `and (`, calc's `+`/`-`, `/` in content.
        assert_eq!(minify_css(".a :hover { x: 1 }"), ".a :hover{x:1}");
        assert_eq!(
            minify_css(
                "@media screen and (min-width: 600px) {\n .a { width: calc(100% - 2px + 1em) }\n}"
            ),
            "@media screen and (min-width:600px){.a{width:calc(100% - 2px + 1em)}}"
        );
        assert_eq!(minify_css("a/**/b"), "a b");
        assert_eq!(minify_css(".a { --empty: ; }"), ".a{--empty: ;}");
        assert_eq!(
            minify_css(".a::before { content: \"← \" / \"\"; }"),
            ".a::before{content:\"← \" / \"\";}"
        );
    }

    #[test]
    fn strings_survive_as_they_are() {
        let css = ".a::after { content: \"a: b; {c} /* not a comment */  d\"; }";
        assert_eq!(
            minify_css(css),
            ".a::after{content:\"a: b; {c} /* not a comment */  d\";}"
        );
        let css = "[title='x ; y { }'] , [data-q=\"it\\\"s  \"] { }";
        assert_eq!(
            minify_css(css),
            "[title='x ; y { }'],[data-q=\"it\\\"s  \"]{}"
        );
    }

    #[test]
    fn unquoted_urls_survive_as_they_are() {
        let css = ".a { background: URL( data:image/svg+xml;utf8,x{a:b;c}y\\)z ) no-repeat; }";
        assert_eq!(
            minify_css(css),
            ".a{background:URL(data:image/svg+xml;utf8,x{a:b;c}y\\)z) no-repeat;}"
        );
        let css = ".a { background: url( \"a b;c.png\" ) }";
        assert_eq!(minify_css(css), ".a{background:url(\"a b;c.png\")}");
        // A function whose name merely ends in `url` is not a URL.
        assert_eq!(minify_css(".a { x: myurl( 1 , 2 ) }"), ".a{x:myurl(1,2)}");
    }

    #[test]
    fn leaves_css_without_comments_or_spaces_unchanged() {
        let css = ".a{color:red}.b>.c{margin:0 auto}";
        assert_eq!(minify_css(css), css);
        assert_eq!(minify_css(""), "");
    }
}

#[cfg(test)]
mod real_files {
    use super::minify_css;

    /// Every stylesheet of src/ui: minifying twice changes nothing more,
    /// and only whitespace and comments went away.
    #[test]
    fn the_widget_stylesheets_lose_only_comments_and_whitespace() {
        let mut seen = 0;
        let mut dirs = vec![std::path::PathBuf::from("src/ui")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|ext| ext == "css") {
                    let css = std::fs::read_to_string(&path).unwrap();
                    let min = minify_css(&css);
                    assert_eq!(minify_css(&min), min, "{}", path.display());
                    let squeeze =
                        |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    let mut without_comments = String::new();
                    let mut rest = css.as_str();
                    while let Some(at) = rest.find("/*") {
                        without_comments.push_str(&rest[..at]);
                        rest = rest[at..]
                            .find("*/")
                            .map_or("", |end| &rest[at + end + 2..]);
                    }
                    without_comments.push_str(rest);
                    assert_eq!(
                        squeeze(&min),
                        squeeze(&without_comments),
                        "{}",
                        path.display()
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 0, "no stylesheet under src/ui");
    }
}
