//! The small, safe inline markup guide text is written in.
//!
//! Blocks are separated by a blank line. A block whose lines all start with `- ` is a bullet
//! list, with `1. ` (any number) a numbered list; anything else is a paragraph. Inside a
//! block: `*emphasis*`, `**strong**`, `[label](https://…)` links and `[[Settings > Messages]]`
//! settings paths; a backslash takes the next character literally. There is no raw HTML: the
//! result is a tree of plain strings that views render as text nodes.

use std::fmt;
use thiserror::Error;

/// Rich text: a sequence of blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rich(pub Vec<Block>);

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bullet list; one entry per item.
    Bullets(Vec<Vec<Inline>>),
    /// A numbered list; one entry per item.
    Numbered(Vec<Vec<Inline>>),
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasised text.
    Emphasis(String),
    /// Strongly emphasised text.
    Strong(String),
    /// A link to a checked URL.
    Link {
        /// The link's text.
        label: String,
        /// Where it goes.
        url: SafeUrl,
    },
    /// A settings path such as Settings > Messages > Send & Receive, one entry per level.
    Path(Vec<String>),
}

/// A URL whose scheme is https, mailto or tel, checked when it was made.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SafeUrl(String);

/// Why a piece of markup was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MarkupError {
    /// An opening mark with no closing one.
    #[error("unclosed {0}")]
    Unclosed(&'static str),
    /// A `[label]` not followed by `(url)`.
    #[error("link \"{0}\" has no (url) after it")]
    LinkWithoutUrl(String),
    /// A link with empty text.
    #[error("link to {0} has no text")]
    EmptyLinkLabel(String),
    /// A settings path with an empty level.
    #[error("settings path has an empty level")]
    EmptyPathLevel,
    /// A URL that is not https, mailto or tel, or is malformed.
    #[error("link {} is not allowed: only https, mailto and tel links are", crate::guide::quoted::Quoted(.0))]
    Scheme(String),
}

impl SafeUrl {
    /// A URL that [`SafeUrl::parse`] has accepted already: the bundled guide's, checked when
    /// the crate was built (see [`crate::guide::frozen`]).
    pub(crate) fn checked(url: String) -> SafeUrl {
        SafeUrl(url)
    }

    /// Checks `url`: https with a host, mailto with an address, or tel with a number.
    pub fn parse(url: &str) -> Result<SafeUrl, MarkupError> {
        if SafeUrl::allowed(url) {
            Ok(SafeUrl(url.to_owned()))
        } else {
            Err(MarkupError::Scheme(url.to_owned()))
        }
    }

    /// What [`SafeUrl::parse`] accepts, without making anything: the markup check asks this
    /// of every link in a guide.
    fn allowed(url: &str) -> bool {
        if url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\`".contains(c))
        {
            return false;
        }
        // Schemes are case-insensitive; nothing after one is compared by case.
        let after = |scheme: &str| {
            url.get(..scheme.len())
                .filter(|s| s.eq_ignore_ascii_case(scheme))
                .map(|_| &url[scheme.len()..])
        };
        if let Some(rest) = after("https://") {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.starts_with('.') && !host.contains('@')
        } else if let Some(rest) = after("mailto:") {
            rest.contains('@') && !rest.starts_with('@')
        } else if let Some(rest) = after("tel:") {
            !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+-().".contains(c))
        } else {
            false
        }
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for https links, which open in a new tab; mailto and tel open an app.
    pub fn is_web(&self) -> bool {
        self.0.len() >= 8 && self.0[..8].eq_ignore_ascii_case("https://")
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Rich {
    /// Parses markup (with terms already put in), refusing the first mistake: how guide
    /// files are checked.
    pub fn parse(src: &str) -> Result<Rich, MarkupError> {
        let mut problem = None;
        let rich = Rich::read_into(src, &mut problem);
        match problem {
            None => Ok(rich),
            Some(e) => Err(e),
        }
    }

    /// Checks markup as [`Rich::parse`] does, without keeping the tree. Every mistake is in
    /// a mark, and most texts close each mark on the line it opens on: those are checked by
    /// a scan that makes nothing. Only the rest are read into a tree, which also names the
    /// mistake.
    pub fn check(src: &str) -> Result<(), MarkupError> {
        if marks_close_in_line(src) {
            Ok(())
        } else {
            Rich::parse(src).map(drop)
        }
    }

    /// Reads markup whatever it holds: a mark that does not close, or a link that is not
    /// allowed, stays as plain text. For a text that [`Rich::parse`] accepts the result is
    /// the same tree, which is how a checked guide keeps its texts as source (a tenth of the
    /// memory of the tree) and reads them when they are shown.
    pub fn read(src: &str) -> Rich {
        Rich::read_into(src, &mut None)
    }

    fn read_into(src: &str, problem: &mut Option<MarkupError>) -> Rich {
        let mut blocks = Vec::new();
        for chunk in split_blocks(src) {
            let lines: Vec<&str> = chunk.iter().map(|l| l.trim()).collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                let items = lines
                    .iter()
                    .map(|l| parse_inline(&l[2..], problem))
                    .collect();
                blocks.push(Block::Bullets(items));
            } else if lines.iter().all(|l| numbered_item(l).is_some()) {
                let items = lines
                    .iter()
                    .filter_map(|l| numbered_item(l))
                    .map(|l| parse_inline(l, problem))
                    .collect();
                blocks.push(Block::Numbered(items));
            } else {
                blocks.push(Block::Paragraph(parse_inline(&lines.join(" "), problem)));
            }
        }
        Rich(blocks)
    }

    /// True when there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every link in the text, in order.
    pub fn links(&self) -> impl Iterator<Item = (&str, &SafeUrl)> {
        self.0
            .iter()
            .flat_map(|b| match b {
                Block::Paragraph(p) => std::slice::from_ref(p).iter(),
                Block::Bullets(items) | Block::Numbered(items) => items.iter(),
            })
            .flatten()
            .filter_map(|i| match i {
                Inline::Link { label, url } => Some((label.as_str(), url)),
                _ => None,
            })
    }

    /// The text without markup, blocks on lines of their own: for transcripts and
    /// announcements.
    pub fn plain(&self) -> String {
        let mut out = Vec::new();
        for block in &self.0 {
            match block {
                Block::Paragraph(p) => out.push(plain_inlines(p)),
                Block::Bullets(items) => {
                    out.extend(items.iter().map(|i| format!("- {}", plain_inlines(i))))
                }
                Block::Numbered(items) => out.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(n, i)| format!("{}. {}", n + 1, plain_inlines(i))),
                ),
            }
        }
        out.join("\n")
    }
}

/// Inline runs as plain text; paths read "A > B", links keep their URL in brackets.
pub fn plain_inlines(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Emphasis(t) | Inline::Strong(t) => s.push_str(t),
            Inline::Link { label, url } => {
                s.push_str(label);
                s.push_str(" (");
                s.push_str(url.as_str());
                s.push(')');
            }
            Inline::Path(levels) => s.push_str(&levels.join(" > ")),
        }
    }
    s
}

fn split_blocks(src: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    for line in src.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn numbered_item(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}

/// `src[from..to]`. Every cut made here is next to an ASCII byte (a mark, a backslash) or
/// after a whole character, so it falls on a character boundary.
fn cut(src: &str, from: usize, to: usize) -> &str {
    src.get(from..to).unwrap_or_default()
}

/// The character a backslash at byte `i` escapes (there is one: the caller checked), and
/// the byte after it.
fn escaped(src: &str, i: usize) -> (char, usize) {
    let c = src
        .get(i + 1..)
        .and_then(|r| r.chars().next())
        .unwrap_or('\\');
    (c, i + 1 + c.len_utf8())
}

/// Reads text from byte `i` up to (not including) `close`, honouring backslash escapes;
/// gives the text and the byte after `close`. Marks are ASCII, so the text is scanned as
/// bytes and copied in runs.
fn take_until(src: &str, mut i: usize, close: &str) -> Option<(String, usize)> {
    let bytes = src.as_bytes();
    let mut out = String::new();
    let mut run = i;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            out.push_str(cut(src, run, i));
            let (c, next) = escaped(src, i);
            out.push(c);
            i = next;
            run = i;
        } else if bytes[i..].starts_with(close.as_bytes()) {
            out.push_str(cut(src, run, i));
            return Some((out, i + close.len()));
        } else {
            i += 1;
        }
    }
    None
}

/// True when [`Rich::parse`] accepts `src` because each of its marks closes on the line it
/// opens on and is well formed; false when it is not sure. Blocks and list items are made
/// of whole lines, so a mark that closes on its own line is read the same within its
/// block; a mark that runs on to another line, and an escape inside a link or a settings
/// path (whose value the checks below would have to decode), answer false, and the caller
/// reads the text into a tree. Marks are ASCII, so the scan is by bytes: a byte inside an
/// escaped character that is not ASCII is never taken for a mark.
pub(crate) fn marks_close_in_line(src: &str) -> bool {
    let bytes = src.as_bytes();
    // Where `close` starts, from byte `i` on, with escapes honoured, if on this line.
    let close_at = |mut i: usize, close: &[u8]| -> Option<usize> {
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => return None,
                b'\\' if i + 1 < bytes.len() => {
                    if bytes[i + 1] == b'\n' {
                        return None;
                    }
                    i += 2;
                }
                _ if bytes[i..].starts_with(close) => return Some(i),
                _ => i += 1,
            }
        }
        None
    };
    let plain = |from: usize, to: usize| src.get(from..to).filter(|s| !s.contains('\\'));
    let mut i = 0;
    while i < bytes.len() {
        let second = bytes.get(i + 1).copied();
        i = match (bytes[i], second) {
            (b'\\', Some(_)) => i + 2,
            (b'*', Some(b'*')) => match close_at(i + 2, b"**") {
                Some(end) => end + 2,
                None => return false,
            },
            (b'*', _) => match close_at(i + 1, b"*") {
                Some(end) => end + 1,
                None => return false,
            },
            (b'[', Some(b'[')) => {
                let Some(end) = close_at(i + 2, b"]]") else {
                    return false;
                };
                match plain(i + 2, end) {
                    Some(path) if !path.split('>').any(|l| l.trim().is_empty()) => end + 2,
                    _ => return false,
                }
            }
            (b'[', _) => {
                let Some(label_end) = close_at(i + 1, b"]") else {
                    return false;
                };
                if bytes.get(label_end + 1) != Some(&b'(') {
                    return false;
                }
                let Some(end) = close_at(label_end + 2, b")") else {
                    return false;
                };
                match (plain(i + 1, label_end), plain(label_end + 2, end)) {
                    (Some(label), Some(url))
                        if !label.trim().is_empty() && SafeUrl::allowed(url.trim()) =>
                    {
                        end + 1
                    }
                    _ => return false,
                }
            }
            _ => i + 1,
        };
    }
    true
}

/// Reads one block's inline marks. The first mistake goes into `problem` (if none is there
/// yet) and the mark that caused it is kept as a plain character, so reading always finishes.
fn parse_inline(src: &str, problem: &mut Option<MarkupError>) -> Vec<Inline> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut text = String::new();
    // Plain text is copied into `text` a run at a time: from `run` up to the next mark.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let second = bytes.get(i + 1).copied();
        let mark = match bytes[i] {
            b'\\' if second.is_some() => {
                text.push_str(cut(src, run, i));
                let (c, next) = escaped(src, i);
                text.push(c);
                i = next;
                run = i;
                continue;
            }
            b'*' if second == Some(b'*') => take_until(src, i + 2, "**")
                .ok_or(MarkupError::Unclosed("**"))
                .map(|(inner, end)| (Inline::Strong(inner), end)),
            b'*' => take_until(src, i + 1, "*")
                .ok_or(MarkupError::Unclosed("*"))
                .map(|(inner, end)| (Inline::Emphasis(inner), end)),
            b'[' if second == Some(b'[') => settings_path(src, i),
            b'[' => link(src, i),
            _ => {
                i += 1;
                continue;
            }
        };
        match mark {
            Ok((inline, end)) => {
                text.push_str(cut(src, run, i));
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(inline);
                i = end;
                run = i;
            }
            Err(e) => {
                // The mark stays in the run, as plain text.
                problem.get_or_insert(e);
                i += 1;
            }
        }
    }
    text.push_str(cut(src, run, bytes.len()));
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// A `[[A > B]]` settings path starting at byte `i`, and where it ends.
fn settings_path(src: &str, i: usize) -> Result<(Inline, usize), MarkupError> {
    let (inner, end) = take_until(src, i + 2, "]]").ok_or(MarkupError::Unclosed("[["))?;
    let levels: Vec<String> = inner.split('>').map(|l| l.trim().to_owned()).collect();
    if levels.iter().any(String::is_empty) {
        return Err(MarkupError::EmptyPathLevel);
    }
    Ok((Inline::Path(levels), end))
}

/// A `[label](url)` link starting at byte `i`, and where it ends.
fn link(src: &str, i: usize) -> Result<(Inline, usize), MarkupError> {
    let (label, end) = take_until(src, i + 1, "]").ok_or(MarkupError::Unclosed("["))?;
    if src.as_bytes().get(end) != Some(&b'(') {
        return Err(MarkupError::LinkWithoutUrl(label));
    }
    let (url, end) = take_until(src, end + 1, ")").ok_or(MarkupError::Unclosed("("))?;
    let url = SafeUrl::parse(url.trim())?;
    if label.trim().is_empty() {
        return Err(MarkupError::EmptyLinkLabel(url.0));
    }
    Ok((Inline::Link { label, url }, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn parses_inline_marks() {
        let r = Rich::parse("Open [[Settings > Messages]] and tap **Send & Receive**, *then* [help](https://example.com/a).").unwrap();
        assert_eq!(
            r.0,
            vec![Block::Paragraph(vec![
                text("Open "),
                Inline::Path(vec!["Settings".into(), "Messages".into()]),
                text(" and tap "),
                Inline::Strong("Send & Receive".into()),
                text(", "),
                Inline::Emphasis("then".into()),
                text(" "),
                Inline::Link {
                    label: "help".into(),
                    url: SafeUrl::parse("https://example.com/a").unwrap()
                },
                text("."),
            ])]
        );
    }

    #[test]
    fn parses_blocks_and_lists() {
        let r = Rich::parse("First line\ncontinues.\n\n- one\n- two\n\n1. a\n2. b").unwrap();
        assert_eq!(r.0.len(), 3);
        assert_eq!(
            r.0[0],
            Block::Paragraph(vec![text("First line continues.")])
        );
        assert_eq!(
            r.0[1],
            Block::Bullets(vec![vec![text("one")], vec![text("two")]])
        );
        assert_eq!(
            r.0[2],
            Block::Numbered(vec![vec![text("a")], vec![text("b")]])
        );
        assert_eq!(r.plain(), "First line continues.\n- one\n- two\n1. a\n2. b");
    }

    #[test]
    fn html_is_only_text() {
        let r = Rich::parse("<img src=x onerror=alert(1)>").unwrap();
        assert_eq!(
            r.0,
            vec![Block::Paragraph(vec![text("<img src=x onerror=alert(1)>")])]
        );
    }

    #[test]
    fn escapes_are_literal() {
        let r = Rich::parse(r"2 \* 3 \[not a link\]").unwrap();
        assert_eq!(r.plain(), "2 * 3 [not a link]");
    }

    /// Reading never fails: a mistake stays as plain text, the rest is read as usual.
    #[test]
    fn reading_keeps_mistakes_as_text() {
        let cases = [
            ("a **b", "a **b"),
            ("*one* and *two", "one and *two"),
            (
                "see [x](ftp://a.example) or **this**",
                "see [x](ftp://a.example) or this",
            ),
            ("[[Settings >  > Messages]]", "[[Settings >  > Messages]]"),
            ("[label] alone", "[label] alone"),
        ];
        for (src, plain) in cases {
            assert!(Rich::parse(src).is_err(), "{src:?}");
            assert_eq!(Rich::read(src).plain(), plain, "{src:?}");
        }
        let ok = "Tap **Send & Receive**, *then* [help](https://example.com/a).\n\n- one\n- two";
        assert_eq!(Rich::read(ok), Rich::parse(ok).unwrap());
    }

    #[test]
    fn error_messages() {
        let cases = [
            ("**open", "unclosed **"),
            ("*open", "unclosed *"),
            ("[[Settings > Messages", "unclosed [["),
            (
                "[[Settings >  > Messages]]",
                "settings path has an empty level",
            ),
            ("[label] alone", "link \"label\" has no (url) after it"),
            ("[x](https://a.example", "unclosed ("),
            (
                "[x](http://a.example)",
                "link \"http://a.example\" is not allowed: only https, mailto and tel links are",
            ),
            (
                "[x](javascript:alert(1))",
                "link \"javascript:alert(1\" is not allowed: only https, mailto and tel links are",
            ),
            (
                "[x](javascript:void)",
                "link \"javascript:void\" is not allowed: only https, mailto and tel links are",
            ),
            (
                "[ ](https://a.example)",
                "link to https://a.example has no text",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(
                Rich::parse(src).unwrap_err().to_string(),
                want,
                "for {src:?}"
            );
        }
    }

    /// The scan that spares most texts a tree answers for the usual shapes, and leaves to
    /// the full read what it cannot be sure of.
    #[test]
    fn marks_closed_on_their_line_are_checked_without_a_tree() {
        for sure in [
            "",
            "Plain text, no marks.",
            "Do **this**.",
            "Try [[Settings > General]].",
            "See [Apple](https://support.apple.com/contact) or *call*.",
            "Two lines,\n**each** with a *mark*.",
            "- one **bold**\n- two [[A > B]]\n\n1. [x](tel:+1-800)",
            r"2 \* 3 \[not a link\] and \\",
            "é **ü** [[Réglages > Général]]",
        ] {
            assert!(marks_close_in_line(sure), "{sure:?}");
            assert!(Rich::parse(sure).is_ok(), "{sure:?}");
        }
        // Accepted by the full read, but not sure by the scan: a mark over two lines, an
        // escape inside a path or a link.
        for unsure in [
            "*over\ntwo lines*",
            r"[[A \> B]]",
            r"[a\]b](https://x.example)",
        ] {
            assert!(!marks_close_in_line(unsure), "{unsure:?}");
            assert!(Rich::check(unsure).is_ok(), "{unsure:?}");
        }
        // A mark closed only past a line break is a mistake in a list.
        assert!(!marks_close_in_line("- *a\\\n- b*"));
        assert!(Rich::check("- *a\\\n- b*").is_err());
    }

    #[test]
    fn url_schemes() {
        for ok in [
            "https://support.apple.com/contact",
            "mailto:help@example.com",
            "tel:+1-800-275-2273",
            "HTTPS://A.EXAMPLE",
        ] {
            assert!(SafeUrl::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://a.example",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "https:// a",
            "//a.example",
            "mailto:",
            "tel:abc",
            "https://a.example/\"onmouseover",
        ] {
            assert!(SafeUrl::parse(bad).is_err(), "{bad}");
        }
    }
}

/// The scan's answer is only ever "accepted" for texts the full read accepts, and the check
/// gives the full read's verdict, over texts made of marks, escapes, line breaks, list
/// starts and links.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod scan_agrees {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "*",
        "**",
        "[",
        "]",
        "[[",
        "]]",
        "(",
        ")",
        ">",
        " > ",
        "\\",
        "\n",
        "\n\n",
        " ",
        "- ",
        "1. ",
        "a",
        "é",
        "https://a.example",
        "tel:1",
        "mailto:a@b",
        "http://x",
        "\t",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn never_accepts_what_the_full_read_refuses(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24)
        ) {
            let src: String = picks.iter().map(|&i| PIECES[i]).collect();
            let full = Rich::parse(&src).map(drop);
            if marks_close_in_line(&src) {
                prop_assert_eq!(&full, &Ok(()), "{:?}", src);
            }
            prop_assert_eq!(Rich::check(&src), full);
        }
    }
}
