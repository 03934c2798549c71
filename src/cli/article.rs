//! The whole guide as static, readable HTML: every step, question and outcome, with links
//! between them. For the no-JavaScript fallback inside `<step-guide>` and for search engines.

use crate::guide::markup::{Block, Inline, Rich};
use crate::guide::{Guide, Kind, Text, VariantId};
use crate::walk::transcript::choice_label_for;
use crate::words::Words;
use std::fmt::Write as _;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inlines(out: &mut String, runs: &[Inline]) {
    for run in runs {
        match run {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Emphasis(t) => {
                let _ = write!(out, "<em>{}</em>", escape(t));
            }
            Inline::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", escape(t));
            }
            Inline::Link { label, url } => {
                let _ = write!(
                    out,
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape(url.as_str()),
                    escape(label)
                );
            }
            Inline::Path(levels) => {
                let parts: Vec<String> = levels
                    .iter()
                    .map(|l| format!("<strong>{}</strong>", escape(l)))
                    .collect();
                out.push_str(&parts.join(" &gt; "));
            }
        }
    }
}

/// Rich text as HTML, every string escaped.
pub fn rich_html(rich: &Rich) -> String {
    let mut out = String::new();
    for block in &rich.0 {
        match block {
            Block::Paragraph(p) => {
                out.push_str("<p>");
                inlines(&mut out, p);
                out.push_str("</p>\n");
            }
            Block::Bullets(items) | Block::Numbered(items) => {
                let tag = if matches!(block, Block::Bullets(_)) {
                    "ul"
                } else {
                    "ol"
                };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    out.push_str("<li>");
                    inlines(&mut out, item);
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
        }
    }
    out
}

fn text_html(guide: &Guide, text: Text<'_>) -> String {
    if text.versions() == 1 {
        return rich_html(&text.get(VariantId::default()));
    }
    let mut out = String::new();
    for (i, v) in guide.variants().iter().enumerate() {
        let _ = write!(
            out,
            "<section><h4>{}</h4>\n{}</section>\n",
            escape(&v.label),
            rich_html(&text.get(VariantId(i as u8)))
        );
    }
    out
}

/// The article: an HTML fragment (no `<html>` or `<body>`), ids prefixed with `sg-` so it
/// can sit inside any page.
pub fn article(guide: &Guide, words: &Words) -> String {
    let v = VariantId::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<article class=\"stepguide-article\" lang=\"{}\" dir=\"{}\">\n<h2>{}</h2>",
        escape(guide.lang()),
        if guide.is_rtl() { "rtl" } else { "ltr" },
        escape(guide.title().get(v))
    );
    // Interface words say their language when it is not the guide's (the article's).
    let own = if !crate::words::same_language(&words.lang, guide.lang()) {
        format!(" lang=\"{}\"", escape(&words.lang))
    } else {
        String::new()
    };
    for (_, node) in guide.nodes() {
        let _ = writeln!(
            out,
            "<section id=\"sg-{}\">\n<h3>{}</h3>",
            escape(node.id()),
            escape(node.title().get(v))
        );
        out.push_str(&text_html(guide, node.text()));
        if let Some(img) = node.image() {
            let _ = writeln!(
                out,
                "<img src=\"{}\" alt=\"{}\">",
                escape(&img.src),
                escape(img.alt().get(v))
            );
        }
        if let Kind::Check { link, .. } = node.kind() {
            let _ = writeln!(
                out,
                "<p><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></p>",
                escape(link.url().as_str()),
                escape(link.label().get(v))
            );
        }
        if let Kind::Step { fixed: Some(_), .. } = node.kind() {
            let _ = writeln!(out, "<p{own}>{}</p>", escape(words.did_it_fix()));
        }
        let choices = node.choices();
        if !choices.is_empty() {
            out.push_str("<ul>\n");
            for (c, to) in choices {
                let label = choice_label_for(c, v, words);
                let lang = if words.choice_word(c).is_some() {
                    own.as_str()
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "<li><a href=\"#sg-{}\"{lang}>{}</a></li>",
                    escape(guide.node(to).id()),
                    escape(&label)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}
