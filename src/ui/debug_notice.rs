use crate::core::model::Problem;
use crate::ui::strings::use_text;
use leptos::prelude::*;

/// Lists validation problems inside the widget, for page developers who
/// turned on the `debug` option; readers never see it otherwise.
#[component]
pub fn DebugNotice(
    /// What validation reported for the current data.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    let text = use_text();
    let count = move || problems.with(Vec::len);
    view! {
        <Show when=move || { count() > 0 }>
            <details class="nt-debug" role="note">
                <summary class="nt-debug__summary">
                    {move || text.problems(count())}
                </summary>
                <ul class="nt-debug__list">
                    {move || {
                        problems
                            .get()
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li class="nt-debug__item">
                                        <code class="nt-debug__path">{p.path}</code>
                                        ": "
                                        {p.message}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
    }
}
