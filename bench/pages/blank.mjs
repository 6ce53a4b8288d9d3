// Baseline: the harness alone, no widget, no data.
import { bench, frames } from "./harness.mjs";
bench.widget = "blank";
bench.marks.complete = await frames(2);
bench.done = true;
