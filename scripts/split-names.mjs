#!/usr/bin/env node
// Trunk post_build hook (release builds): trunk's wasm-opt runs with -g
// (www/index.html data-wasm-opt-params), which keeps the function names
// and optimises exactly as without it. This keeps that names-kept wasm as
// NAMES_COPY for scripts/size.sh's attribution, and rewrites WASM without
// its "name" custom section: byte for byte what wasm-opt writes without -g.
//
//   node scripts/split-names.mjs WASM NAMES_COPY
import { readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";

const [wasmPath, copyPath] = process.argv.slice(2);
const buf = readFileSync(wasmPath);
if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm file`);
let pos = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  let b;
  do {
    b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return result;
};
const kept = [buf.subarray(0, 8)];
let names = 0;
while (pos < buf.length) {
  const start = pos;
  const id = buf[pos++];
  const size = leb();
  const body = pos;
  const end = body + size;
  let isName = false;
  if (id === 0) {
    const len = leb();
    isName = buf.subarray(pos, pos + len).toString("utf8") === "name";
  }
  pos = end;
  if (isName) names += end - start;
  else kept.push(buf.subarray(start, end));
}
mkdirSync(dirname(copyPath), { recursive: true });
writeFileSync(copyPath, buf);
if (names) {
  writeFileSync(`${wasmPath}.tmp`, Buffer.concat(kept));
  renameSync(`${wasmPath}.tmp`, wasmPath);
}
console.log(`split-names: ${copyPath} keeps the names (${names} bytes); ${wasmPath} ships without them`);
