#!/usr/bin/env node
// Trunk post_build hook (release builds, before the glue is minified and
// the names are split off): drops wasm-streams' JS stream adapters from
// the bundle.
//
// Why: leptos always depends on server_fn with its "browser" feature, which
// brings wasm-streams, whose `#[wasm_bindgen]` classes IntoUnderlyingSource,
// IntoUnderlyingSink and IntoUnderlyingByteSource are exports of our wasm.
// They are what a server-function client hands to ReadableStream; the
// widget has no server functions, so nothing calls them, but an export is
// never dead code: every reader downloaded them, the future-to-Promise
// bridge their async methods need, their glue classes and the imports only
// they use (bench/size.md has the bytes).
//
// What: removes those exports from WASM, lets wasm-opt (same flags as the
// build) drop what only they reached, then removes from GLUE the three
// classes, their finalization registries and every import entry the new
// wasm no longer imports. It fails if it finds none of them (a new
// wasm-bindgen writes them differently: look again rather than ship them).
//
//   node scripts/drop-stream-exports.mjs WASM GLUE
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { execFileSync } from "node:child_process";

const [wasmPath, gluePath] = process.argv.slice(2);
const DROPPED = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;
// As www/index.html's data-wasm-opt="3" and data-wasm-opt-params, with the
// features the wasm uses (its target_features section is already gone).
const WASM_OPT_ARGS = [
  "-O3",
  "-g",
  "--strip-producers",
  "--strip-target-features",
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

/** The sections of a wasm module: [{id, start, body, end}]. */
function sections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm file");
  const out = [];
  let pos = 8;
  while (pos < buf.length) {
    const start = pos;
    const id = buf[pos++];
    const [size, body] = leb(buf, pos);
    out.push({ id, start, body, end: body + size });
    pos = body + size;
  }
  return out;
}

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  let b;
  do {
    b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [result, pos];
}

function encodeLeb(n) {
  const bytes = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    bytes.push(b);
  } while (n);
  return Buffer.from(bytes);
}

function name(buf, pos) {
  const [len, at] = leb(buf, pos);
  return [buf.subarray(at, at + len).toString("utf8"), at + len];
}

/** WASM without the exports whose names `drop` matches; their names. */
function withoutExports(buf, drop) {
  const exports = sections(buf).find((s) => s.id === 7);
  let [count, pos] = leb(buf, exports.body);
  const kept = [];
  const dropped = [];
  for (; count > 0; count--) {
    const start = pos;
    const [field, at] = name(buf, pos);
    pos = leb(buf, at + 1)[1]; // kind byte, then the index
    if (drop.test(field)) dropped.push(field);
    else kept.push(buf.subarray(start, pos));
  }
  const body = Buffer.concat([encodeLeb(kept.length), ...kept]);
  const section = Buffer.concat([Buffer.from([7]), encodeLeb(body.length), body]);
  return {
    wasm: Buffer.concat([buf.subarray(0, exports.start), section, buf.subarray(exports.end)]),
    dropped,
  };
}

/** The field names WASM imports. */
function importNames(buf) {
  const imports = sections(buf).find((s) => s.id === 2);
  if (!imports) return new Set();
  let [count, pos] = leb(buf, imports.body);
  const names = new Set();
  for (; count > 0; count--) {
    const [, afterModule] = name(buf, pos);
    const [field, at] = name(buf, afterModule);
    names.add(field);
    const kind = buf[at];
    pos = at + 1;
    if (kind === 0) pos = leb(buf, pos)[1];
    else if (kind === 1) pos = skipLimits(buf, pos + 1);
    else if (kind === 2) pos = skipLimits(buf, pos);
    else if (kind === 3) pos += 2;
    else if (kind === 4) pos = leb(buf, pos + 1)[1];
    else throw new Error(`unknown import kind ${kind}`);
  }
  return names;
}

function skipLimits(buf, pos) {
  const flags = buf[pos];
  pos = leb(buf, pos + 1)[1];
  return flags & 1 ? leb(buf, pos)[1] : pos;
}

function fail(message) {
  console.error(`drop-stream-exports: ${message}`);
  process.exit(1);
}

const original = readFileSync(wasmPath);
const { wasm, dropped } = withoutExports(original, DROPPED);
if (!dropped.length) fail(`no wasm-streams export in ${wasmPath}`);
writeFileSync(`${wasmPath}.tmp`, wasm);
execFileSync("wasm-opt", [`${wasmPath}.tmp`, ...WASM_OPT_ARGS, "-o", `${wasmPath}.opt`], { stdio: "inherit" });
renameSync(`${wasmPath}.opt`, wasmPath);
execFileSync("rm", ["-f", `${wasmPath}.tmp`]);
const imported = importNames(readFileSync(wasmPath));

let glue = readFileSync(gluePath, "utf8");
const before = glue.length;
let classes = 0;
glue = glue.replace(
  /^export class (IntoUnderlying\w+) \{\n[\s\S]*?^\}\n(?:if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/gm,
  () => (classes++, "")
);
let registries = 0;
glue = glue.replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, () => (registries++, ""));
if (classes !== 3 || registries !== 3) fail(`found ${classes} classes and ${registries} registries in ${gluePath}, not 3 and 3`);
// Import entries (8 spaces in, up to their closing "}," 8 spaces in).
let unused = 0;
glue = glue.replace(/^ {8}(__wbg_\w+|__wbindgen_\w+): function\([^)]*\) \{\n[\s\S]*?^ {8}\},?\n/gm, (entry, field) =>
  imported.has(field) ? entry : (unused++, "")
);
writeFileSync(gluePath, glue);
console.log(
  `drop-stream-exports: ${dropped.length} exports dropped, wasm ${original.length} -> ${readFileSync(wasmPath).length} bytes; ` +
    `glue: 3 classes, 3 registries and ${unused} unused imports, ${before} -> ${glue.length} bytes`
);
