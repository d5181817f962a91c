// Peer baseline for bench/scan/run: @redactpii/node (default rules) over a file in
// 1 MB chunks cut at line ends, as research §1 measured it. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { Redactor } from '@redactpii/node';

const path = process.argv[2];
const data = readFileSync(path, 'utf8');
const redactor = new Redactor();
const chunk = 1 << 20;
const start = process.hrtime.bigint();
let replaced = 0;
for (let at = 0; at < data.length;) {
  let end = Math.min(at + chunk, data.length);
  const nl = data.indexOf('\n', end);
  end = nl === -1 ? data.length : nl + 1;
  const out = redactor.redact(data.slice(at, end));
  replaced += out.length;
  at = end;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const bytes = Buffer.byteLength(data, 'utf8');
console.log(JSON.stringify({ tool: '@redactpii/node', bytes, seconds, mb_per_s: bytes / 1e6 / seconds, out: replaced }));
