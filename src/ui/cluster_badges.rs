//! "+N" badges on the axis for events that got no label where the track
//! is crowded; clicking one zooms in until they spread out. Pointer
//! readers use them as shortcuts; keyboard readers reach the same events
//! with the arrow keys, so the badges are no extra Tab stops.
//!
//! A zoom changes every cluster, so the badges are not keyed: one binding
//! rewrites a pool of buttons in place (only the values that changed),
//! and one listener on the strip answers their clicks. Built anew, the
//! twenty-odd buttons cost about a fifth of a zoom step.

use crate::core::layout::Cluster;
use crate::ui::dom::{add, bind, closest, listen, px, set, set_text, style};
use crate::ui::reactive::Derived;
use crate::ui::strings::Text;
use crate::ui::Ctx;
use web_sys::{Element, HtmlElement};

/// The badge strip at the end of `parent`, `bottom` px above its bottom
/// edge, showing `clusters` (left to right); `expand` zooms in on one.
pub fn cluster_badges(
    cx: Ctx,
    parent: &HtmlElement,
    bottom: f64,
    clusters: impl Fn() -> Vec<Cluster> + Send + Sync + 'static,
    expand: impl Fn(Cluster) + 'static,
) {
    let text = cx.text;
    let strip = add(parent, "div", "nt-clusters");
    style(&strip, "bottom", &px(bottom));
    let shown = Derived::new(move |_| clusters());
    let mut pool: Vec<Badge> = Vec::new();
    {
        let strip = strip.clone();
        bind(move || {
            // While the window moves, badges follow their clusters and
            // keep their counts (and names): every lane's badges renamed
            // at every frame of a zoom cost more than the frame had.
            // The counts catch up when the window rests.
            let counting = !cx.state.moving();
            shown.with(|all| {
                for gone in pool.drain(all.len().min(pool.len())..) {
                    gone.button.remove();
                }
                for (slot, cluster) in all.iter().enumerate() {
                    if pool.len() <= slot {
                        pool.push(Badge::new(&strip, slot));
                    }
                    if let Some(badge) = pool.get_mut(slot) {
                        badge.show(cluster, text, counting);
                    }
                }
            });
        });
    }
    listen(&strip, "click", move |ev| {
        let slot = closest(&ev, ".nt-cluster")
            .and_then(|button| button.get_attribute("data-slot"))
            .and_then(|slot| slot.parse::<usize>().ok());
        if let Some(cluster) = slot.and_then(|i| shown.with_untracked(|all| all.get(i).copied())) {
            expand(cluster);
        }
    });
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
    fn new(strip: &HtmlElement, slot: usize) -> Badge {
        let button = add(strip, "button", "nt-cluster");
        set(&button, "type", "button");
        set(&button, "tabindex", "-1");
        set(&button, "data-slot", &slot.to_string());
        let count = add(&button, "span", "nt-cluster__count").into();
        Badge {
            button,
            count,
            shown_count: None,
            shown_x: None,
        }
    }

    /// Shows `cluster`: "+37", named "37 more events: zoom in" (its
    /// count only when `counting`, or when the badge has none yet).
    fn show(&mut self, cluster: &Cluster, text: Text, counting: bool) {
        let stale = self.shown_count.is_some() && !counting;
        if self.shown_count != Some(cluster.count) && !stale {
            set_text(&self.count, &text.badge(cluster.count));
            let label = text.more_events(cluster.count);
            set(&self.button, "aria-label", &label);
            set(&self.button, "title", &label);
            self.shown_count = Some(cluster.count);
        }
        let x = cluster.x.round() as i64;
        if self.shown_x != Some(x) {
            let transform = ["translateX(", &px(cluster.x), ") translateX(-50%)"].concat();
            style(&self.button, "transform", &transform);
            self.shown_x = Some(x);
        }
    }
}
