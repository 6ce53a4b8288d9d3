use crate::core::layout::Cluster;
use crate::ui::strings::use_text;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent};

/// "+N" badges on the axis for events that got no label where the track
/// is crowded; clicking one zooms in until they spread out. Pointer
/// readers use them as shortcuts; keyboard readers reach the same events
/// with the arrow keys, so the badges are no extra Tab stops.
///
/// A zoom changes every cluster, so the badges are not keyed components:
/// one effect rewrites a pool of buttons in place (only the values that
/// changed), and one listener on the strip answers their clicks. Built
/// anew, the twenty-odd buttons cost about a fifth of a zoom step.
#[component]
pub fn ClusterBadges(
    /// Left to right, from the layout.
    #[prop(into)]
    clusters: Signal<Vec<Cluster>>,
    /// The badges' distance from the track's bottom edge, in px.
    bottom: f64,
    /// Asks to zoom in on a cluster.
    on_expand: Callback<Cluster>,
) -> impl IntoView {
    let text = use_text();
    let strip = NodeRef::<Div>::new();
    let pool = StoredValue::new_local(Vec::<Badge>::new());
    Effect::new(move |_| {
        let Some(strip) = strip.get() else {
            return;
        };
        clusters.with(|all| {
            pool.update_value(|pool| {
                let kept = all.len().min(pool.len());
                pool.drain(kept..).for_each(|gone| gone.button.remove());
                for (slot, cluster) in all.iter().enumerate() {
                    if pool.len() <= slot {
                        match Badge::new(&strip, slot) {
                            Some(badge) => pool.push(badge),
                            None => return,
                        }
                    }
                    if let Some(badge) = pool.get_mut(slot) {
                        badge.show(cluster, |n| (text.badge(n), text.more_events(n)));
                    }
                }
            });
        });
    });
    let on_click = move |ev: MouseEvent| {
        let slot = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest(".nt-cluster").ok().flatten())
            .and_then(|button| button.get_attribute("data-slot"))
            .and_then(|slot| slot.parse::<usize>().ok());
        if let Some(cluster) = slot.and_then(|i| clusters.with_untracked(|all| all.get(i).copied()))
        {
            on_expand.run(cluster);
        }
    };
    view! {
        <div
            class="nt-clusters"
            node_ref=strip
            style:bottom=format!("{}px", bottom.round() as i64)
            on:click=on_click
        ></div>
    }
}

/// One pooled badge and what it shows, so unchanged values are not
/// written again.
struct Badge {
    button: HtmlElement,
    count: Element,
    shown_count: Option<usize>,
    shown_x: Option<i64>,
}

impl Badge {
    /// A new, empty badge button at the end of `strip`.
    fn new(strip: &HtmlElement, slot: usize) -> Option<Badge> {
        let document = strip.owner_document()?;
        let button: HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
        let count = document.create_element("span").ok()?;
        for (name, value) in [
            ("type", "button"),
            ("class", "nt-cluster"),
            ("tabindex", "-1"),
            ("data-slot", &slot.to_string()),
        ] {
            button.set_attribute(name, value).ok()?;
        }
        count.set_attribute("class", "nt-cluster__count").ok()?;
        button.append_child(&count).ok()?;
        strip.append_child(&button).ok()?;
        Some(Badge {
            button,
            count,
            shown_count: None,
            shown_x: None,
        })
    }

    /// Shows `cluster`; `words` gives the badge text and the label for a
    /// count ("+37", "37 more events").
    fn show(&mut self, cluster: &Cluster, words: impl Fn(usize) -> (String, String)) {
        if self.shown_count != Some(cluster.count) {
            let (badge, label) = words(cluster.count);
            self.count.set_text_content(Some(&badge));
            let _ = self.button.set_attribute("aria-label", &label);
            let _ = self.button.set_attribute("title", &label);
            self.shown_count = Some(cluster.count);
        }
        let x = cluster.x.round() as i64;
        if self.shown_x != Some(x) {
            let _ = self
                .button
                .style()
                .set_property("transform", &format!("translateX({x}px) translateX(-50%)"));
            self.shown_x = Some(x);
        }
    }
}
