#!/usr/bin/env node
// Load run against a tradlint server on loopback:
//   load.js BASE CLIENTS REQUESTS-PER-CLIENT DIR [--rss PID] [--one FILE]
// Each client sends real articles (the *.md under DIR, in turn) to
// /v2/check over a keep-alive connection, one request after the other.
// Prints JSON: requests, errors, seconds, throughput, p50/p95/p99 in ms,
// the latency of one warm article, and the server's RSS before and after
// (with --rss PID): before the run, half-way and after it. Bounded by the request count and a 10-minute cap.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const [base, clients, per, dir] = process.argv.slice(2, 6);
const arg = (name) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : null);
const rssPid = arg('--rss');
const oneFile = arg('--one'); // the warm article (default: the first under DIR)
const url = new URL('v2/check', base);
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md') && !/ATTRIBUTION|README/.test(e.name)) files.push(p);
  }
})(dir);
const bodies = files.map((f) => new URLSearchParams({ text: fs.readFileSync(f, 'utf8'), language: 'pt-BR', markup: 'markdown' }).toString());
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(clients) });

function rss() {
  if (!rssPid) return null;
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${rssPid}/status`, 'utf8'));
  return m ? Number(m[1]) : null;
}

function post(body) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let ok = res.statusCode === 200;
        try { ok = ok && Array.isArray(JSON.parse(Buffer.concat(chunks)).matches); } catch (e) { ok = false; }
        resolve({ ok, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
      });
    });
    req.on('error', () => resolve({ ok: false, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.setTimeout(60000, () => req.destroy());
    req.end(body);
  });
}

function pct(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]; }

(async () => {
  const cap = setTimeout(() => { console.error('load: 10-minute cap reached'); process.exit(1); }, 600000);
  // one article, warm: the median of 20 sequential requests
  const one = oneFile ? new URLSearchParams({ text: fs.readFileSync(oneFile, 'utf8'), language: 'pt-BR', markup: 'markdown' }).toString() : bodies[0];
  for (let i = 0; i < 3; i++) await post(one);
  const warm = [];
  for (let i = 0; i < 20; i++) warm.push((await post(one)).ms);
  warm.sort((a, b) => a - b);
  const rssBefore = rss();
  const lat = [];
  const total = Number(clients) * Number(per);
  let errors = 0, k = 0, rssMid = null;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: Number(clients) }, async (_, c) => {
    for (let i = 0; i < Number(per); i++) {
      const r = await post(bodies[(c * 7 + i + k++) % bodies.length]);
      lat.push(r.ms);
      if (!r.ok) errors++;
      if (lat.length === Math.floor(total / 2)) rssMid = rss();
    }
  }));
  const secs = (Date.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  clearTimeout(cap);
  const out = {
    requests: lat.length, errors, seconds: secs, throughput: lat.length / secs,
    p50_ms: pct(lat, 50), p95_ms: pct(lat, 95), p99_ms: pct(lat, 99),
    warm_one_article_ms: pct(warm, 50), article: oneFile || files[0], article_bytes: fs.statSync(oneFile || files[0]).size,
    articles: files.length, rss_before_kb: rssBefore, rss_mid_kb: rssMid, rss_after_kb: rss(),
  };
  console.log(JSON.stringify(out));
  agent.destroy();
})();
