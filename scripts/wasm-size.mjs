#!/usr/bin/env node
// Where the wasm's bytes go. Reads a names-kept copy of the release wasm
// (the same build, optimised the same way, with its name section) and
// prints its bytes per section, per crate, per module of this crate, its
// data segments and its largest functions. Node's standard library only, so
// CI runs it in about a second with nothing to install.
//
//   node scripts/wasm-size.mjs NAMES_WASM [SHIPPED_WASM] [--gzip N] [--top N]
//
// With SHIPPED_WASM, it first checks that the copy is that wasm plus a name
// section (exit 3 if not: the copy is of another build). --gzip gives the
// shipped wasm's gzip -9 bytes as size.sh counts them.
//
// Raw figures are the bytes of each function body in the code section.
// "gzip ~" is an estimate of each part's share of the shipped wasm's gzip
// bytes: each part is compressed alone (deflate -9) and the results are
// scaled so that the parts of one table add up to that share. It is not what
// deleting the part would save (code that repeats other code compresses
// better together than alone).

import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { deflateRawSync, gzipSync, constants } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
let top = 20;
let gzipGiven = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--top") top = Number(args[++i]);
  else if (args[i] === "--gzip") gzipGiven = Number(args[++i]);
  else files.push(args[i]);
}
if (files.length < 1) {
  console.error("usage: node scripts/wasm-size.mjs NAMES_WASM [SHIPPED_WASM] [--gzip SHIPPED_GZIP_BYTES] [--top N]");
  process.exit(2);
}
const SELF = "news_timeline";
const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

// ---------------------------------------------------------------- wasm reader

class Reader {
  constructor(buf, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw new Error("unexpected end of wasm");
    return this.buf[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
    }
  }
  skipLeb() {
    while (this.byte() & 0x80);
  }
  bytes(n) {
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  name() {
    return this.bytes(this.u32()).toString("utf8");
  }
  // A constant expression (data segment offset): opcodes until `end`.
  skipConstExpr() {
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42 || op === 0x23) this.skipLeb();
      else if (op === 0x44) this.pos += 8;
      else if (op === 0x43) this.pos += 4;
    }
  }
}

const SECTION_NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

function parseWasm(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm file");
  const r = new Reader(buf, 8);
  const sections = [];
  let importedFuncs = 0;
  const bodies = []; // {offset, size} of each defined function, in order
  const segments = []; // {index, offset, size}
  const funcNames = new Map();
  const exports = new Map(); // function index -> export name
  const dataNames = new Map();
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    const end = start + size;
    const s = new Reader(buf, start, end);
    let label = SECTION_NAMES[id] || `section ${id}`;
    if (id === 0) label = `custom "${s.name()}"`;
    sections.push({ id, label, start, end, size: end - start });
    if (id === 2) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        s.name();
        s.name();
        const kind = s.byte();
        if (kind === 0) {
          s.u32();
          importedFuncs++;
        } else if (kind === 1) {
          s.byte();
          const flags = s.byte();
          s.u32();
          if (flags & 1) s.u32();
        } else if (kind === 2) {
          const flags = s.byte();
          s.u32();
          if (flags & 1) s.u32();
        } else if (kind === 3) {
          s.byte();
          s.byte();
        } else if (kind === 4) {
          s.byte();
          s.u32();
        }
      }
    } else if (id === 7) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        const exportName = s.name();
        const kind = s.byte();
        const index = s.u32();
        if (kind === 0) exports.set(index, exportName);
      }
    } else if (id === 10) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        const bodyStart = s.pos;
        const len = s.u32();
        s.pos += len;
        bodies.push({ start: bodyStart, end: s.pos });
      }
    } else if (id === 11) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        const segStart = s.pos;
        const flags = s.u32();
        if (flags === 2) s.u32();
        if (flags !== 1) s.skipConstExpr();
        const len = s.u32();
        s.pos += len;
        segments.push({ index: i, start: segStart, end: s.pos, payload: len });
      }
    } else if (id === 0 && label === 'custom "name"') {
      while (s.pos < end) {
        const sub = s.byte();
        const subSize = s.u32();
        const subEnd = s.pos + subSize;
        if (sub === 1 || sub === 9) {
          const map = sub === 1 ? funcNames : dataNames;
          for (let n = s.u32(), i = 0; i < n; i++) {
            const idx = s.u32();
            map.set(idx, s.name());
          }
        }
        s.pos = subEnd;
      }
    }
    r.pos = end;
  }
  const funcs = bodies.map((b, i) => ({
    index: importedFuncs + i,
    start: b.start,
    end: b.end,
    size: b.end - b.start,
    name: funcNames.get(importedFuncs + i) || null,
  }));
  for (const seg of segments) seg.name = dataNames.get(seg.index) || null;
  return { buf, sections, funcs, segments, funcNames, exports };
}

// ------------------------------------------------------------------ demangling

// Legacy Rust mangling: _ZN <len><ident>... 17h<hash> E
function demangleLegacy(sym) {
  const m = /^_?_ZN(.*)E/.exec(sym);
  if (!m) return null;
  let rest = m[1];
  const parts = [];
  while (rest.length) {
    const len = /^(\d+)/.exec(rest);
    if (!len) break;
    const n = Number(len[1]);
    parts.push(rest.slice(len[1].length, len[1].length + n));
    rest = rest.slice(len[1].length + n);
  }
  const esc = { SP: "@", BP: "*", RF: "&", LT: "<", GT: ">", LP: "(", RP: ")", C: "," };
  return parts
    .filter((p) => !/^h[0-9a-f]{16}$/.test(p))
    .map((p) =>
      p
        .replace(/^_\$/, "$")
        .replace(/\.\./g, "::")
        .replace(/\$([A-Z]{1,2})\$/g, (all, code) => esc[code] ?? all)
        .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16))),
    )
    .join("::");
}

// Rust v0 mangling (_R...): enough to recover the paths a symbol names
// (crate and modules, impl self types, generic arguments). Unknown
// constructs end the parse; what was read so far is kept.
function demangleV0(sym) {
  const m = /^_?_R[0-9]*(.*)$/.exec(sym);
  if (!m) return null;
  const s = m[1];
  let pos = 0;
  const peek = () => s[pos];
  const base62 = () => {
    if (s[pos] === "_") {
      pos++;
      return 0;
    }
    let x = 0;
    while (s[pos] !== "_") {
      const c = s[pos++];
      if (c === undefined) throw new Error("eof");
      const d = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c >= "a" && c <= "z" ? c.charCodeAt(0) - 87 : c.charCodeAt(0) - 29;
      x = x * 62 + d;
    }
    pos++;
    return x + 1;
  };
  const disambiguator = () => {
    if (s[pos] === "s") {
      pos++;
      base62();
    }
  };
  const ident = () => {
    disambiguator();
    let punycode = false;
    if (s[pos] === "u") {
      pos++;
      punycode = true;
    }
    const len = /^\d+/.exec(s.slice(pos));
    if (!len) throw new Error("ident");
    pos += len[0].length;
    if (s[pos] === "_") pos++;
    const id = s.slice(pos, pos + Number(len[0]));
    pos += Number(len[0]);
    return punycode ? `{punycode ${id}}` : id;
  };
  const backref = (fn) => {
    const target = base62();
    const save = pos;
    pos = target;
    const out = fn();
    pos = save;
    return out;
  };
  const BASIC = { a: "i8", b: "bool", c: "char", d: "f64", e: "str", f: "f32", h: "u8", i: "isize", j: "usize", l: "i32", m: "u32", n: "i128", o: "u128", s: "i16", t: "u16", u: "()", v: "...", x: "i64", y: "u64", z: "!", p: "_" };
  const genericArgs = () => {
    const out = [];
    while (s[pos] !== "E") {
      if (s[pos] === "L") {
        pos++;
        base62();
      } else if (s[pos] === "K") {
        pos++;
        out.push(constVal());
      } else out.push(type());
    }
    pos++;
    return out;
  };
  const constVal = () => {
    if (s[pos] === "B") {
      pos++;
      return backref(constVal);
    }
    if (s[pos] === "p") {
      pos++;
      return "_";
    }
    pos++; // type tag
    let hex = "";
    if (s[pos] === "n") pos++;
    while (s[pos] !== "_") hex += s[pos++];
    pos++;
    return String(parseInt(hex || "0", 16));
  };
  const path = () => {
    const tag = s[pos++];
    switch (tag) {
      case "C":
        return ident();
      case "N": {
        const ns = s[pos++];
        const parent = path();
        const id = ident();
        if (ns === "C") return `${parent}::{closure}`;
        if (ns === "S") return `${parent}::{shim}`;
        if (ns >= "A" && ns <= "Z") return `${parent}::{${ns}}`;
        return id ? `${parent}::${id}` : parent;
      }
      case "M": {
        disambiguator();
        path();
        return `<${type()}>`;
      }
      case "X": {
        disambiguator();
        path();
        const self = type();
        return `<${self} as ${path()}>`;
      }
      case "Y": {
        const self = type();
        return `<${self} as ${path()}>`;
      }
      case "I": {
        const p = path();
        return `${p}<${genericArgs().join(", ")}>`;
      }
      case "B":
        return backref(path);
      default:
        throw new Error(`path ${tag}`);
    }
  };
  const type = () => {
    const c = s[pos];
    if (BASIC[c]) {
      pos++;
      return BASIC[c];
    }
    pos++;
    switch (c) {
      case "A": {
        const t = type();
        constVal();
        return `[${t}; _]`;
      }
      case "S":
        return `[${type()}]`;
      case "T": {
        const items = [];
        while (s[pos] !== "E") items.push(type());
        pos++;
        return `(${items.join(", ")})`;
      }
      case "R":
      case "Q": {
        if (s[pos] === "L") {
          pos++;
          base62();
        }
        return `&${c === "Q" ? "mut " : ""}${type()}`;
      }
      case "P":
      case "O":
        return `*${c === "O" ? "mut" : "const"} ${type()}`;
      case "F": {
        if (s[pos] === "G") {
          pos++;
          base62();
        }
        if (s[pos] === "U") pos++;
        if (s[pos] === "K") {
          pos++;
          if (s[pos] === "C") pos++;
          else ident();
        }
        const params = [];
        while (s[pos] !== "E") params.push(type());
        pos++;
        return `fn(${params.join(", ")}) -> ${type()}`;
      }
      case "D": {
        if (s[pos] === "G") {
          pos++;
          base62();
        }
        const traits = [];
        while (s[pos] !== "E") {
          traits.push(path());
          while (s[pos] === "p") {
            pos++;
            ident();
            type();
          }
        }
        pos++;
        if (s[pos] === "L") {
          pos++;
          base62();
        }
        return `dyn ${traits.join(" + ")}`;
      }
      case "B":
        return backref(type);
      default:
        pos--;
        return path();
    }
  };
  try {
    return path();
  } catch {
    return null;
  }
}

function demangle(name) {
  if (!name) return null;
  if (/^_?_ZN/.test(name)) return demangleLegacy(name) ?? name;
  if (/^_?_R/.test(name)) return demangleV0(name) ?? name;
  // Already demangled (wasm-bindgen demangles by default): drop the hash
  // and crate disambiguators.
  return name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{1,16}\]/g, "");
}

// The first Rust path a demangled name starts with, as segments, looking
// through `<A as B>` (A, or B when A is not a path), `<A>`, references and
// pointers. `core::ptr::drop_in_place<T>` is T's drop glue: T's path.
function ownerPath(name) {
  let s = name.trim();
  for (;;) {
    const before = s;
    s = s.replace(/^(&(mut )?|\*(const|mut) |dyn |impl |unsafe |extern "[^"]*" )/, "");
    if (s === before) break;
  }
  if (s.startsWith("<")) {
    // Find the matching '>' and a top-level " as ".
    let depth = 0;
    let asAt = -1;
    let close = -1;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === "<" || c === "(" || c === "[") depth++;
      else if (c === ">" || c === ")" || c === "]") {
        depth--;
        if (depth === 0) {
          close = i;
          break;
        }
      } else if (depth === 1 && s.startsWith(" as ", i)) asAt = i;
    }
    const inner = s.slice(1, asAt >= 0 ? asAt : close >= 0 ? close : s.length);
    const self = ownerPath(inner);
    if (self.length && /^[a-z_][a-z0-9_]*$/.test(self[0]) && !PRIMITIVES.has(self[0])) {
      return self.concat(restSegments(s.slice(close + 1)));
    }
    if (asAt >= 0) return ownerPath(s.slice(asAt + 4, close));
    return self;
  }
  if (s.startsWith("[") || s.startsWith("(")) return ownerPath(s.slice(1));
  const drop = /^core::ptr::drop_in_place<(.*)>$/.exec(s.replace(/::\{shim\}.*$/, ""));
  if (drop) {
    const inner = ownerPath(drop[1]);
    if (inner.length && !PRIMITIVES.has(inner[0])) return inner;
  }
  return restSegments(s);
}

const PRIMITIVES = new Set(["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool", "char", "str", "fn", "_"]);

// "a::b<..>::c" -> ["a", "b", "c"] (generic arguments dropped).
function restSegments(s) {
  const out = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "<" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === ")" || c === "]") depth--;
    else if (depth === 0) {
      if (s.startsWith("::", i)) {
        if (cur) out.push(cur);
        cur = "";
        i++;
      } else if (c === " ") break;
      else cur += c;
    }
  }
  if (cur) out.push(cur);
  return out.filter((x) => x && x !== "{closure}" && !/^\{\{?/.test(x));
}

// The crate a function belongs to. Names that are not Rust paths: the
// wrappers wasm-bindgen generates for `#[wasm_bindgen]` exports (named after
// the export, "… shim"), its adapters ("F64 -> Externref"), the allocator
// shims, compiler builtins and libm.
function crateOf(f) {
  const name = f.name;
  if (!name) return "(no name)";
  const exported = exportedAs(name);
  if (exported) return ourExports.has(exported) ? SELF : "(exports of dependencies)";
  if (/^__wbindgen|^__wbg_|^__externref|^wasm_bindgen| -> /.test(name)) return "wasm_bindgen";
  if (/^(memcpy|memmove|memset|memcmp|bcmp|__(u?(div|mod|mul)|ashl|lshr|ashr)[a-z]*[0-9]|__.*(sf|df|tf)\d?|round|roundf|floor|ceil|trunc|fmod|pow|exp|log|sin|cos|tan|sqrt)f?$/.test(name)) return "compiler_builtins";
  if (/^__rust_|^__rdl_|^__rg_|^__rustc(\[[0-9a-f]+\])?::|^rust_begin_unwind|^rust_panic/.test(name)) return "std";
  if (/^dlmalloc|^__dl/.test(name)) return "dlmalloc";
  const path = ownerPath(demangle(name));
  if (!path.length || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(path[0])) return "(other)";
  // Inherent methods of primitives (`<u64>::_fmt`, `<str>::trim`) are core's.
  if (PRIMITIVES.has(path[0])) return "core";
  return path[0];
}

// The export a wasm-bindgen wrapper stands for, if the function is one.
function exportedAs(name) {
  const base = name.replace(/( (externref|multivalue) shim)+$/, "");
  if (base.includes("::") || base.includes(" ")) return null;
  return exportNames.has(base) || base !== name ? base : null;
}

// This crate's modules, from the files under src/: the longest module path
// a name starts with (src/a/b.rs or src/a/b/mod.rs is news_timeline::a::b).
// Also the exports each module declares with #[wasm_bindgen] (a wrapper is
// named after its export, not its Rust path).
const ourExports = new Map(); // export name -> module
function sourceModules() {
  const mods = new Set([SELF]);
  const walk = (dir, prefix) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        mods.add(`${prefix}::${entry}`);
        walk(full, `${prefix}::${entry}`);
      } else if (entry.endsWith(".rs")) {
        const mod = ["lib.rs", "mod.rs", "main.rs"].includes(entry) ? prefix : `${prefix}::${entry.slice(0, -3)}`;
        mods.add(mod);
        const text = readFileSync(full, "utf8");
        const re = /#\[wasm_bindgen(?:\(([^)]*)\))?\]\s*(?:#\[[^\]]*\]\s*)*pub\s+(?:async\s+)?(?:fn|struct)\s+(\w+)/g;
        for (const m of text.matchAll(re)) {
          const jsName = /js_name\s*=\s*"?(\w+)/.exec(m[1] || "");
          ourExports.set(jsName ? jsName[1] : m[2], mod);
        }
      }
    }
  };
  walk(srcDir, SELF);
  return mods;
}

function moduleOf(f, mods) {
  const exported = exportedAs(f.name);
  if (exported) return `${ourExports.get(exported)} (exports)`;
  const path = ownerPath(demangle(f.name));
  let best = SELF;
  for (let i = 1; i <= path.length; i++) {
    const p = path.slice(0, i).join("::");
    if (mods.has(p)) best = p;
  }
  return best;
}

// ------------------------------------------------------------------- report

const deflate = (buf) => (buf.length ? deflateRawSync(buf, { level: 9 }).length : 0);
const fmt = (n) => Math.round(n).toLocaleString("en-US");
const pct = (n, total) => `${((100 * n) / total).toFixed(1)}%`;
const pad = (s, n) => String(s).padStart(n);
const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const named = parseWasm(readFileSync(files[0]));
const shippedBuf = files[1] && existsSync(files[1]) ? readFileSync(files[1]) : null;
const shipped = shippedBuf ? parseWasm(shippedBuf) : null;
const gzipShipped = gzipGiven ?? gzipSync(shippedBuf ?? named.buf, { level: 9 }).length;

// The copy must be the shipped wasm plus a name section: the same build.
if (shipped) {
  const strip = (w) => Buffer.concat(w.sections.filter((sec) => sec.label !== 'custom "name"').map((sec) => w.buf.subarray(sec.start, sec.end)));
  if (!strip(named).equals(strip(shipped))) {
    console.error(`${files[0]} is not ${files[1]} with names: a copy of another build`);
    process.exit(3);
  }
}

// Sections (the name section is only in the names-kept copy).
const partOf = (sec) => (sec.id === 10 ? "code" : sec.id === 11 ? "data" : sec.label === 'custom "name"' ? "names" : "other");
const parts = { code: [], data: [], other: [], names: [] };
for (const sec of named.sections) parts[partOf(sec)].push(named.buf.subarray(sec.start, sec.end));
const partRaw = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.reduce((a, b) => a + b.length, 0)]));
const partDeflate = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, deflate(Buffer.concat(v))]));
const scale = gzipShipped / (partDeflate.code + partDeflate.data + partDeflate.other);
const gzCode = partDeflate.code * scale;

console.log(`\nwasm attribution (names-kept copy of the same build: ${files[0]})`);
console.log(`${"part".padEnd(44)} ${pad("raw", 9)} ${pad("gzip ~", 9)}`);
for (const part of ["code", "data", "other"]) {
  const g = partDeflate[part] * scale;
  console.log(`${part.padEnd(44)} ${pad(fmt(partRaw[part]), 9)} ${pad(fmt(g), 9)}`);
}
console.log(`${"name section (not shipped)".padEnd(44)} ${pad(fmt(partRaw.names), 9)}`);
if (shipped) console.log("(checked: apart from its name section, this copy is the shipped wasm byte for byte)");

// Groups of functions.
const mods = sourceModules();
const exportNames = new Set(named.exports.values());
const funcs = named.funcs.map((f) => ({
  ...f,
  pretty: f.name ? demangle(f.name) : `(function ${f.index})`,
  crate: crateOf(f),
}));
for (const f of funcs) f.module = f.crate === SELF ? moduleOf(f, mods) : null;

function table(title, key, filter, limit, share = gzCode) {
  const groups = new Map();
  for (const f of funcs.filter(filter)) {
    const k = key(f);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(f);
  }
  let rows = [...groups].map(([k, list]) => ({
    k,
    n: list.length,
    raw: list.reduce((a, f) => a + f.size, 0),
    def: deflate(Buffer.concat(list.map((f) => named.buf.subarray(f.start, f.end)))),
  }));
  const totalRaw = rows.reduce((a, r) => a + r.raw, 0);
  const totalDef = rows.reduce((a, r) => a + r.def, 0);
  rows.sort((a, b) => b.raw - a.raw);
  const rest = limit && rows.length > limit ? rows.slice(limit) : [];
  rows = limit ? rows.slice(0, limit) : rows;
  if (rest.length) {
    rows.push({
      k: `(${rest.length} more)`,
      n: rest.reduce((a, r) => a + r.n, 0),
      raw: rest.reduce((a, r) => a + r.raw, 0),
      def: rest.reduce((a, r) => a + r.def, 0),
    });
  }
  console.log(`\n${title}`);
  console.log(`${"".padEnd(44)} ${pad("raw", 9)} ${pad("gzip ~", 9)} ${pad("of code", 8)} ${pad("funcs", 6)}`);
  for (const r of rows) {
    console.log(`${cut(r.k, 44).padEnd(44)} ${pad(fmt(r.raw), 9)} ${pad(fmt((r.def / totalDef) * share), 9)} ${pad(pct(r.raw, partRaw.code), 8)} ${pad(r.n, 6)}`);
  }
  const crateShare = rows.find((r) => r.k === SELF);
  if (crateShare) selfShare = (crateShare.def / totalDef) * share;
  console.log(`${"total".padEnd(44)} ${pad(fmt(totalRaw), 9)} ${pad(fmt(share), 9)} ${pad(pct(totalRaw, partRaw.code), 8)} ${pad(rows.reduce((a, r) => a + r.n, 0), 6)}`);
}

let selfShare = 0;
table("code per crate", (f) => f.crate, () => true, 24);
table(`code per module of ${SELF}`, (f) => f.module, (f) => f.crate === SELF, 0, selfShare);

// Data segments: sizes, and how much of them is text (runs of 8 or more
// printable ASCII or UTF-8 bytes: strings, CSS, messages).
const segs = named.segments;
let text = 0;
for (const seg of segs) {
  const bytes = named.buf.subarray(seg.end - seg.payload, seg.end);
  let run = 0;
  for (const b of bytes) {
    if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x09 || b >= 0x80) run++;
    else {
      if (run >= 8) text += run;
      run = 0;
    }
  }
  if (run >= 8) text += run;
}
const dataPayload = segs.reduce((a, s) => a + s.payload, 0);
console.log(`\ndata: ${segs.length} segment(s), ${fmt(dataPayload)} bytes (gzip ~${fmt(partDeflate.data * scale)}), of which ~${fmt(text)} in text runs of 8+ bytes and ~${fmt(dataPayload - text)} binary (tables, zeros, pointers)`);
for (const seg of [...segs].sort((a, b) => b.payload - a.payload).slice(0, 5)) {
  console.log(`  segment ${seg.index}${seg.name ? ` ${seg.name}` : ""}: ${fmt(seg.payload)} bytes`);
}

// Largest functions: each body compressed alone, scaled over all bodies.
const defs = funcs.map((f) => deflate(named.buf.subarray(f.start, f.end)));
const defTotal = defs.reduce((a, b) => a + b, 0);
funcs.forEach((f, i) => (f.gz = (defs[i] / defTotal) * gzCode));
console.log(`\ntop ${top} functions of ${funcs.length}`);
console.log(`${pad("raw", 9)} ${pad("gzip ~", 8)} ${pad("of code", 8)}  ${"crate".padEnd(16)} name`);
for (const f of [...funcs].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`${pad(fmt(f.size), 9)} ${pad(fmt(f.gz), 8)} ${pad(pct(f.size, partRaw.code), 8)}  ${cut(f.crate, 16).padEnd(16)} ${cut(f.pretty, 110)}`);
}
console.log(`\n(gzip ~: each part compressed alone, scaled to add up to the shipped wasm's ${fmt(gzipShipped)} gzip bytes; an estimate of its share, not what removing it would save)`);
