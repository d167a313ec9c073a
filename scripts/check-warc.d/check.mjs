// Reads WARC files with Webrecorder's warcio (an independent reader: not the jwarc that wrote
// them) and checks what replay tools rely on: every record parses; its block digest matches the
// block (recomputed here from the raw gzip member at the offset warcio reports); a payload
// digest matches the payload warcio hands out (a revisit's, the record it refers to); image/png
// resources are PNGs.
// Prints one JSON line of counts; exits 1 and names each problem when any is found.
import { createReadStream, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { WARCParser } from "warcio";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const problems = [];
const counts = {};
const payloadDigests = new Map(); // record id -> payload digest, for the revisits that refer to it
const revisits = [];

function sha256(bytes) {
  return "sha256:" + createHash("sha256").update(bytes).digest("hex");
}

// RFC 4648 base32, the encoding WARC digests usually have (hex is accepted too).
function base32(bytes) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0, out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += "=";
  return out;
}

function digestMatches(declared, bytes) {
  const hash = createHash("sha256").update(bytes).digest();
  const [algorithm, value] = (declared ?? "").split(":");
  return algorithm === "sha256" && (value === hash.toString("hex") || value.replace(/=+$/, "") === base32(hash).replace(/=+$/, ""));
}

// The record's block as written: the WARC headers end at the first empty line.
function rawBlock(file, offset, length) {
  const record = gunzipSync(file.subarray(offset, offset + length));
  const end = record.indexOf("\r\n\r\n");
  const headers = record.subarray(0, end).toString("latin1");
  const contentLength = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)[1]);
  return record.subarray(end + 4, end + 4 + contentLength);
}

for (const path of process.argv.slice(2)) {
  const file = readFileSync(path);
  const parser = new WARCParser(createReadStream(path));
  for await (const record of parser) {
    const type = record.warcType;
    const name = `${path}: ${type} ${record.warcTargetURI ?? ""}`;
    counts[type] = (counts[type] ?? 0) + 1;
    const payload = Buffer.from(await record.readFully(false));
    const block = rawBlock(file, parser.offset, parser.recordLength);
    // warcinfo carries no digest (optional in WARC 1.1); every other record must.
    if (type !== "warcinfo" && !digestMatches(record.warcBlockDigest, block)) {
      problems.push(`${name}: block digest ${record.warcBlockDigest} is not ${sha256(block)}`);
    }
    payloadDigests.set(record.warcHeader("WARC-Record-ID"), record.warcPayloadDigest);
    if (type === "revisit") {
      // Its block is the HTTP headers only; the payload is the one it refers to.
      revisits.push({ name, refersTo: record.warcHeader("WARC-Refers-To"), digest: record.warcPayloadDigest });
    } else if (record.warcPayloadDigest && !digestMatches(record.warcPayloadDigest, payload)) {
      problems.push(`${name}: payload digest ${record.warcPayloadDigest} is not ${sha256(payload)}`);
    }
    if (!record.warcDate) problems.push(`${name}: no WARC-Date`);
    if (type === "resource" && record.warcContentType === "image/png" && !payload.subarray(0, 8).equals(PNG)) {
      problems.push(`${name}: image/png that is not a PNG`);
    }
    if (type === "response" && !record.httpHeaders?.statusCode) problems.push(`${name}: no HTTP status`);
  }
}
for (const r of revisits) {
  if (!payloadDigests.has(r.refersTo)) problems.push(`${r.name}: refers to ${r.refersTo}, which is not in the file`);
  else if (payloadDigests.get(r.refersTo) !== r.digest) problems.push(`${r.name}: payload digest differs from the record it refers to`);
}
console.log(JSON.stringify({ records: counts, problems: problems.length }));
for (const p of problems) console.error(p);
process.exit(problems.length === 0 && Object.keys(counts).length > 0 ? 0 : 1);
