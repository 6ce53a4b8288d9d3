//! Event text is limited HTML from many hands. It is parsed by the browser's
//! inert parser (a `<template>`: nothing runs, nothing loads) and rebuilt
//! node by node from an allowlist, so what reaches the page is only ever
//! elements this module created itself, never re-parsed markup (which is
//! what mutation-XSS exploits).
//!
//! Allowed: p, br, strong, b, em, i, a (http/https/mailto/relative links,
//! given `rel="noopener noreferrer"`), ul, ol, li, blockquote, q, cite,
//! abbr, code, sub, sup, small, span. Any other element is dropped and its
//! text kept, except elements whose content is not reader text (script,
//! style, template…), which go with their content.

use crate::core::filter::highlight_segments;
use crate::core::model::safe_url;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, HtmlTemplateElement, Node};

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements rebuilt as they are (attributes dropped, except those below).
const ALLOWED: &[&str] = &[
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "code",
    "sub",
    "sup",
    "small",
    "span",
];

/// Elements whose content is code or metadata, never reader text.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "frame",
    "frameset",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "title",
    "head",
    "meta",
    "link",
    "base",
    "textarea",
    "select",
    "svg",
    "math",
];

/// Deepest nesting rebuilt; deeper content is kept as text only.
const MAX_DEPTH: u32 = 64;

/// Rebuilds `html` as a fragment of allowed elements and text, ready to be
/// appended where the event's text is shown, with the text matching the
/// folded search query `mark` (if not empty) wrapped in `<mark>`. `None` if
/// the document cannot create elements (never in a browser).
pub fn sanitize(document: &Document, html: &str, mark: &str) -> Option<DocumentFragment> {
    let template: HtmlTemplateElement =
        document.create_element("template").ok()?.dyn_into().ok()?;
    template.set_inner_html(html);
    let out = document.create_document_fragment();
    copy_children(document, &template.content(), &out, 0, mark);
    Some(out)
}

fn copy_children(document: &Document, from: &Node, to: &Node, depth: u32, mark: &str) {
    let children = from.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let value = child.node_value().unwrap_or_default();
                for (run, hit) in highlight_segments(&value, mark) {
                    let text = document.create_text_node(run);
                    if !hit {
                        let _ = to.append_child(&text);
                    } else if let Ok(marked) = document.create_element("mark") {
                        marked.set_class_name("nt-mark");
                        let _ = marked.append_child(&text);
                        let _ = to.append_child(&marked);
                    }
                }
            }
            Node::ELEMENT_NODE => {
                let Some(element) = child.dyn_ref::<Element>() else {
                    continue;
                };
                copy_element(document, element, to, depth, mark);
            }
            _ => {}
        }
    }
}

fn copy_element(document: &Document, element: &Element, to: &Node, depth: u32, mark: &str) {
    let name = element.local_name();
    let html = element.namespace_uri().as_deref() == Some(HTML_NAMESPACE);
    if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
        return;
    }
    if !html || !ALLOWED.contains(&name.as_str()) || depth >= MAX_DEPTH {
        // Unwrap: keep what it holds, drop the element itself.
        copy_children(document, element, to, depth, mark);
        return;
    }
    let Ok(copy) = document.create_element(&name) else {
        return;
    };
    match name.as_str() {
        "a" => {
            if let Some(href) = element
                .get_attribute("href")
                .and_then(|h| safe_url(&h, false))
            {
                let _ = copy.set_attribute("href", &href);
                let _ = copy.set_attribute("rel", "noopener noreferrer");
                let _ = copy.set_attribute("target", "_blank");
            }
            copy_title(element, &copy);
        }
        "abbr" => copy_title(element, &copy),
        _ => {}
    }
    copy_children(document, element, &copy, depth + 1, mark);
    let _ = to.append_child(&copy);
}

fn copy_title(from: &Element, to: &Element) {
    if let Some(title) = from.get_attribute("title") {
        let _ = to.set_attribute("title", &title);
    }
}
