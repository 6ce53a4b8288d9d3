//! The event-text sanitizer against a corpus of classic and mutation XSS
//! vectors, in a real browser: no script runs, no handler attribute or
//! javascript: URL survives, only allowlisted elements remain, and the
//! readable text is kept.
#![cfg(target_arch = "wasm32")]

use news_timeline::ui::sanitize::sanitize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;
use common::{document, fresh_host, sleep};

wasm_bindgen_test_configure!(run_in_browser);

/// Each vector sets `window.xss` if it ever runs.
const VECTORS: &[&str] = &[
    "<script>window.xss=1</script>",
    "<img src=x onerror=window.xss=1>",
    "<img src=x onerror='window.xss=1'//",
    "<svg onload=window.xss=1>",
    "<svg><script>window.xss=1</script></svg>",
    "<body onload=window.xss=1>",
    "<iframe src=\"javascript:window.xss=1\"></iframe>",
    "<iframe srcdoc=\"<script>parent.xss=1</script>\"></iframe>",
    "<object data=\"javascript:window.xss=1\"></object>",
    "<embed src=\"javascript:window.xss=1\">",
    "<a href=\"javascript:window.xss=1\">click</a>",
    "<a href=\"JaVaScRiPt:window.xss=1\">click</a>",
    "<a href=\" javascript:window.xss=1\">click</a>",
    "<a href=\"java&#x09;script:window.xss=1\">click</a>",
    "<a href=\"java\tscript:window.xss=1\">click</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.xss=1\">click</a>",
    "<a href=\"vbscript:msgbox(1)\">click</a>",
    "<a href=\"data:text/html,<script>window.xss=1</script>\">click</a>",
    "<a href=\"https://example.org\" onclick=\"window.xss=1\">ok</a>",
    "<p style=\"background:url(javascript:window.xss=1)\">styled</p>",
    "<details open ontoggle=window.xss=1>",
    "<video><source onerror=\"window.xss=1\"></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.xss=1></style></mglyph></table></mtext></math>",
    "<noscript><p title=\"</noscript><img src=x onerror=window.xss=1>\"></noscript>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.xss=1>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=window.xss=1>\">",
    "<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=window.xss=1 src=1>\"></path></textarea></mtext></svg></mglyph></mi></math>",
    "<template><script>window.xss=1</script></template><img src=x onerror=window.xss=1>",
    "<<script>script>window.xss=1<</script>/script>",
    "<scr<script>ipt>window.xss=1</scr</script>ipt>",
    "<img src=\"x` `<script>window.xss=1</script>\"` `>",
    "<div><a href=\"javascript&colon;window.xss=1\">colon</a></div>",
    "<base href=\"javascript:/\"><a href=\"/x\">base</a>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.xss=1\">",
    "<link rel=\"import\" href=\"data:text/html,<script>window.xss=1</script>\">",
    "<input autofocus onfocus=window.xss=1>",
    "<select autofocus onfocus=window.xss=1></select>",
    "<marquee onstart=window.xss=1>m</marquee>",
    "<isindex type=image src=1 onerror=window.xss=1>",
    "<svg><animate onbegin=window.xss=1 attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:window.xss=1\"><text x=20 y=20>svg link</text></a></svg>",
    "<p>Tankers <b>attacked</b> <a href=\"https://example.org/x\" title=\"t\">report</a></p>",
];

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

#[wasm_bindgen_test]
async fn no_vector_runs_or_survives() {
    let host = fresh_host();
    for vector in VECTORS {
        let fragment = sanitize(&document(), vector, "").expect("a fragment");
        host.append_child(&fragment).expect("append");
    }
    // Give event handlers, image loads and timers a chance to fire.
    sleep(300).await;
    let xss = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("xss")).expect("get");
    assert!(xss.is_undefined(), "a vector ran");

    let all = host.query_selector_all("*").expect("selector");
    for i in 0..all.length() {
        let element: Element = all.item(i).expect("item").unchecked_into();
        let name = element.local_name();
        assert!(ALLOWED.contains(&name.as_str()), "<{name}> survived");
        let attributes = element.get_attribute_names();
        for name in attributes.iter().filter_map(|n| n.as_string()) {
            assert!(
                ["href", "rel", "target", "title"].contains(&name.as_str()),
                "attribute {name} survived on <{}>",
                element.local_name()
            );
        }
        if let Some(href) = element.get_attribute("href") {
            assert!(
                href.starts_with("https://")
                    || href.starts_with("http://")
                    || href.starts_with('/')
                    || href.starts_with("mailto:"),
                "href {href} survived"
            );
            assert_eq!(
                element.get_attribute("rel").as_deref(),
                Some("noopener noreferrer")
            );
        }
    }
    host.remove();
}

#[wasm_bindgen_test]
fn keeps_allowed_markup_and_the_text_of_the_rest() {
    let fragment = sanitize(
        &document(),
        "<p>Two <b>tankers</b> <marquee>attacked</marquee><script>x()</script> <a href=\"https://example.org/r\" onclick=\"x()\">report</a></p><ul><li>one</li></ul>",
        "",
    )
    .expect("a fragment");
    let host = document().create_element("div").expect("div");
    host.append_child(&fragment).expect("append");
    assert_eq!(
        host.inner_html(),
        "<p>Two <b>tankers</b> attacked <a href=\"https://example.org/r\" rel=\"noopener noreferrer\" target=\"_blank\">report</a></p><ul><li>one</li></ul>"
    );
}

#[wasm_bindgen_test]
fn marks_search_matches_in_text_only() {
    let fragment = sanitize(
        &document(),
        "<p>Two <b>Tankers</b> near a tánker <a href=\"https://example.org/tanker\" title=\"tanker\">port</a></p>",
        "tanker",
    )
    .expect("a fragment");
    let host = document().create_element("div").expect("div");
    host.append_child(&fragment).expect("append");
    assert_eq!(
        host.inner_html(),
        "<p>Two <b><mark class=\"nt-mark\">Tanker</mark>s</b> near a <mark class=\"nt-mark\">tánker</mark> <a href=\"https://example.org/tanker\" rel=\"noopener noreferrer\" target=\"_blank\" title=\"tanker\">port</a></p>"
    );
}
