//! Renders the core's rich text as DOM: every string is a text node, never HTML.

use crate::guide::markup::{Block, Inline, Rich};
use crate::words::Words;
use yew::prelude::*;

fn inline(run: &Inline, words: &'static Words) -> Html {
    match run {
        Inline::Text(t) => html! { {t.clone()} },
        Inline::Emphasis(t) => html! { <em>{t.clone()}</em> },
        Inline::Strong(t) => html! { <strong>{t.clone()}</strong> },
        Inline::Link { label, url } if url.is_web() => html! {
            <a class="sg-link" href={url.as_str().to_owned()} target="_blank" rel="noopener noreferrer">
                {label.clone()}
                <span class="sg-vh">{format!(" ({})", words.new_tab())}</span>
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
                            // Where a line may break: nothing else in a path allows it.
                            <wbr/>
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

/// Rich text as paragraphs and lists. A view function, not a component: it holds no state,
/// and a component per text cost more wasm (Yew's lifecycle code for each component type)
/// and more first-render work than diffing this small tree with its parent's.
/// `mark` is the text's `lang` and `dir` where they are not the root's (see
/// [`crate::ui::mark::mark`]).
pub fn rich_text(
    rich: &Rich,
    words: &'static Words,
    mark: (Option<AttrValue>, Option<AttrValue>),
) -> Html {
    let (lang, dir) = mark;
    html! {
        <div class="sg-text" {lang} {dir}>
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
