// Summarizes a .cpuprofile (from `node --cpu-prof` or BENCH_PROFILE): top functions by self and
// inclusive time.  node bench/lib/profile-summary.mjs FILE.cpuprofile [selfRows] [inclusiveRows]
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const time = new Map();
profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const label = (n) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, 'nm/').replace(/^file:\/\/.*?\/(src|bench|workers|test)\//, '$1/')}:${n.callFrame.lineNumber + 1}`.slice(0, 160);
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, t] of time) {
  total += t;
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(byId.get(cur));
    if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + t), seen.add(k);
  }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`total ${(total / 1000).toFixed(0)} ms`);
console.log('--- self');
console.log(top(self, Number(process.argv[3] ?? 40)));
console.log('--- inclusive');
console.log(top(inclusive, Number(process.argv[4] ?? 60)));
