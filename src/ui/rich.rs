//! Renders the core's rich text as DOM: every string is a text node, never HTML.

use crate::guide::{Guide, NodeId, VariantId};
use crate::markup::{Block, Inline};
use crate::strings::Words;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RichText`]: which node's text, for which variant. The text is looked up,
/// not passed, so comparing props on each render is three pointer-sized checks instead of a
/// walk over the text (and no copy of it is made).
#[derive(Properties, PartialEq, Clone)]
pub struct RichTextProps {
    /// The guide.
    pub guide: Rc<Guide>,
    /// The node whose body text is shown.
    pub node: NodeId,
    /// The variant the text is shown for.
    pub variant: VariantId,
    /// Interface words (for "opens in a new tab").
    pub words: &'static Words,
}

fn inline(run: &Inline, words: &'static Words) -> Html {
    match run {
        Inline::Text(t) => html! { {t.clone()} },
        Inline::Emphasis(t) => html! { <em>{t.clone()}</em> },
        Inline::Strong(t) => html! { <strong>{t.clone()}</strong> },
        Inline::Link { label, url } if url.is_web() => html! {
            <a class="sg-link" href={url.as_str().to_owned()} target="_blank" rel="noopener noreferrer">
                {label.clone()}
                <span class="sg-vh">{format!(" ({})", words.new_tab)}</span>
            </a>
        },
        Inline::Link { label, url } => html! {
            <a class="sg-link" href={url.as_str().to_owned()}>{label.clone()}</a>
        },
        Inline::Path(levels) => html! {
            <span class="sg-path">
                { for levels.iter().enumerate().map(|(i, level)| html! {
                    <>
                        if i > 0 {
                            <span class="sg-path-sep" aria-hidden="true">{"›"}</span>
                            <span class="sg-vh">{", "}</span>
                        }
                        <span class="sg-path-level">{level.clone()}</span>
                    </>
                }) }
            </span>
        },
    }
}

fn inlines(runs: &[Inline], words: &'static Words) -> Html {
    html! { <>{ for runs.iter().map(|r| inline(r, words)) }</> }
}

/// Rich text as paragraphs and lists.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    let words = props.words;
    let rich = props.guide.node(props.node).text().get(props.variant);
    html! {
        <div class="sg-text">
            { for rich.0.iter().map(|block| match block {
                Block::Paragraph(p) => html! { <p>{ inlines(p, words) }</p> },
                Block::Bullets(items) => html! {
                    <ul>{ for items.iter().map(|i| html! { <li>{ inlines(i, words) }</li> }) }</ul>
                },
                Block::Numbered(items) => html! {
                    <ol>{ for items.iter().map(|i| html! { <li>{ inlines(i, words) }</li> }) }</ol>
                },
            }) }
        </div>
    }
}
