//! The widget's stylesheet as it ships: `build.rs` writes `styles/stepguide.css` out through
//! [`minify`], so the source can explain itself in comments at no cost to the bytes a page
//! downloads (the stylesheet travels inside the wasm).

/// Whitespace as CSS defines it; other spaces (no-break, em) are text to CSS.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Characters that no whitespace beside them changes the meaning of.
const TIGHT: [char; 4] = ['{', '}', ';', ','];

/// `css` without comments, each run of whitespace made one space or dropped beside `{`, `}`,
/// `;` and `,` and at either end, and the last `;` of a block dropped. Text in quotes is kept
/// as written. Nothing else is touched: a space in a selector is a descendant combinator,
/// in a value it separates parts (`1px solid`), and in `calc()` `+` and `-` need it; so
/// whitespace beside `:`, `>`, `+`, `-` and brackets is kept.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // Whitespace seen and not yet written: a space, unless the next character is tight.
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                for c in chars.by_ref() {
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
                // A comment is not whitespace: `a/**/b` is one token `a` then `b` joined.
            }
            c if is_space(c) => space = true,
            '"' | '\'' => {
                put(&mut out, &mut space, c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            '}' => {
                space = false;
                if out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            c => put(&mut out, &mut space, c),
        }
    }
    out
}

/// Writes `c`, after a space when whitespace came before it and neither side is tight.
fn put(out: &mut String, space: &mut bool, c: char) {
    if std::mem::take(space) && !out.is_empty() && !TIGHT.contains(&c) && !out.ends_with(TIGHT) {
        out.push(' ');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn cuts_only_what_means_nothing() {
        let cases = [
            ("/* note */\n.a {\n  color: red;\n}\n", ".a{color: red}"),
            (
                ".a .b > .c { margin: 0 auto; }",
                ".a .b > .c{margin: 0 auto}",
            ),
            (".a,\n.b:hover ,.c { x: 1 }", ".a,.b:hover,.c{x: 1}"),
            (
                ".a { width: calc(100% - 2 * 1rem); }",
                ".a{width: calc(100% - 2 * 1rem)}",
            ),
            (
                ".a { font: 1em \"Segoe  UI\", 'x /* y */'; }",
                ".a{font: 1em \"Segoe  UI\",'x /* y */'}",
            ),
            (".a { content: \"\\\" }\"; }", ".a{content: \"\\\" }\"}"),
            (".a/**/.b{}", ".a.b{}"),
            (
                ":host([theme=\"dark\"]) { --c: #fff; }",
                ":host([theme=\"dark\"]){--c: #fff}",
            ),
            (
                "@media (prefers-reduced-motion: reduce) {\n  .a { transition: none; }\n}",
                "@media (prefers-reduced-motion: reduce){.a{transition: none}}",
            ),
            ("  ", ""),
            (".a { x: 1 } /* unclosed", ".a{x: 1}"),
        ];
        for (css, want) in cases {
            assert_eq!(minify(css), want, "{css:?}");
            assert_eq!(
                minify(want),
                want,
                "minifying twice changes nothing: {want:?}"
            );
        }
    }

    /// The selectors in a minified stylesheet that are a bare element under the widget's root
    /// (`.stepguide p`).
    fn bare_element_defaults(css: &str) -> Vec<String> {
        let mut found = Vec::new();
        for piece in css.split('{') {
            // The selectors: what follows the previous rule's `}` (or a declaration's `;`).
            let list = piece.rsplit(['}', ';']).next().unwrap_or("");
            let (mut depth, mut start) = (0, 0);
            for (i, c) in list.char_indices().chain([(list.len(), ',')]) {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ',' if depth == 0 => {
                        let selector = list[start..i].trim();
                        let bare = selector.strip_prefix(".stepguide ").is_some_and(|t| {
                            !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric())
                        });
                        if bare {
                            found.push(selector.to_owned());
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        }
        found
    }

    /// A default for an element (`.stepguide p`) outweighs a class's own rule (`.sg-reviewed`)
    /// by its element, so it would win over it wherever both apply: defaults for elements go
    /// under `:where()`, which weighs nothing.
    #[test]
    fn element_defaults_weigh_no_more_than_a_class() {
        let sample = minify(
            ".stepguide p,.stepguide ul{margin: 0}\n@media (x){.stepguide li{m: 1}}\n\
             .stepguide :where(p, ol){m: 0}.stepguide *{b: c}.stepguide button:focus-visible{o: 1}",
        );
        assert_eq!(
            bare_element_defaults(&sample),
            [".stepguide p", ".stepguide ul", ".stepguide li"]
        );
        let shipped = minify(include_str!("../styles/stepguide.css"));
        let found = bare_element_defaults(&shipped);
        assert!(found.is_empty(), "put these under :where(): {found:?}");
    }

    /// The shipped stylesheet keeps every rule and declaration of the source, whitespace
    /// aside, and loses only comments.
    #[test]
    fn the_stylesheet_keeps_every_declaration() {
        let source = include_str!("../styles/stepguide.css");
        let shipped = minify(source);
        assert!(shipped.len() < source.len());
        assert_eq!(shipped.matches('{').count(), source.matches('{').count());
        assert_eq!(shipped.matches('}').count(), source.matches('}').count());
        let mut text = String::new();
        let mut rest = source;
        while let Some(start) = rest.find("/*") {
            text.push_str(&rest[..start]);
            rest = rest[start..]
                .split_once("*/")
                .map_or("", |(_, after)| after);
        }
        text.push_str(rest);
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for declaration in text
            .split(['{', '}', ';'])
            .map(words)
            .filter(|d| !d.is_empty())
        {
            let declaration = declaration.replace(" ,", ",").replace(", ", ",");
            assert!(shipped.contains(&declaration), "{declaration:?} is missing");
        }
    }
}
