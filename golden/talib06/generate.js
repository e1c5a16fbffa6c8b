'use strict';
// Writes golden/talib06/fixtures/<id>.csv.gz for every row of golden/talib06/*.tsv, by calling TA-Lib C 0.6 (bundled
// and compiled by the talib@1.1.6 Node package) with startIdx = 0, endIdx = N - 1 and TA-Lib's default candle
// settings. Integer outputs (candlestick patterns) are written sparse: the first valid index, the bar count, then one
// "bar,value" line per non-zero bar. Real outputs are written like golden/ttr/fixtures: "bar,<outputs>", one row
// per input bar, empty before TA-Lib's outBegIdx, shortest round-trip decimal otherwise. Each fixture is
// gzip-compressed (the tests read it as is).
// Run from golden/talib06: npm install && node generate.js
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const talib = require('talib');

const here = __dirname;
const datasets = {
  ttrc: path.join(here, '..', 'data', 'ttrc-daily.csv'),
  candles: path.join(here, 'synthetic-candles.csv'),
};

function load(name) {
  const lines = fs.readFileSync(datasets[name], 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const cols = {};
  header.forEach((h) => { cols[h] = []; });
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    header.forEach((h, i) => cols[h].push(Number(cells[i])));
  }
  return cols;
}

function rows() {
  const out = [];
  for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.tsv')).sort()) {
    let header = true;
    for (const line of fs.readFileSync(path.join(here, file), 'utf8').split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      if (header) { header = false; continue; }
      const [id, kernel, params, inputs, fn, opt, dataset] = line.split('\t');
      out.push({ id, kernel, params, inputs, fn, opt: opt === '' ? [] : opt.split(',').map(Number), dataset });
    }
  }
  return out;
}

const cache = {};
for (const row of rows()) {
  const data = cache[row.dataset] || (cache[row.dataset] = load(row.dataset));
  const n = data.close.length;
  const info = talib.explain(row.fn);
  if (info.optInputs.length !== row.opt.length) {
    throw new Error(`${row.id}: ${row.fn} takes ${info.optInputs.length} optional inputs, the table gives ${row.opt.length}`);
  }
  const call = { name: row.fn, startIdx: 0, endIdx: n - 1, open: data.open, high: data.high, low: data.low, close: data.close };
  info.optInputs.forEach((o, i) => { call[o.name] = row.opt[i]; });
  const r = talib.execute(call);
  if (r.error) throw new Error(`${row.id}: ${r.error}`);
  const names = info.outputs.map((o) => o.name);
  const lines = [];
  if (info.outputs.every((o) => o.type === 'integer')) {
    const v = r.result[names[0]];
    lines.push(`first_valid,${r.begIndex}`, `bars,${n}`, 'bar,value');
    v.forEach((x, j) => { if (x !== 0) lines.push(`${r.begIndex + j},${x}`); });
  } else {
    // ta's output names: outReal -> value, outRealUpperBand -> upper, ...
    lines.push('bar,' + names.map((s) => (s === 'outReal' ? 'value' : s.replace(/^outReal/, '').replace(/Band$/, '').toLowerCase())).join(','));
    for (let t = 0; t < n; t++) {
      const j = t - r.begIndex;
      lines.push(t + ',' + names.map((s) => (j >= 0 && j < r.nbElement ? String(r.result[s][j]) : '')).join(','));
    }
  }
  fs.writeFileSync(path.join(here, 'fixtures', row.id + '.csv.gz'), zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
}
console.log('fixtures written');
