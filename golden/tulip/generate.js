#!/usr/bin/env node
// Regenerates golden/tulip/fixtures/*.csv.gz from every golden/tulip/*.tsv table with Tulip Indicators.
// Run from golden/:  node tulip/generate.js
// Needs Node and the npm package tulind 0.8.20 (Tulip Indicators 0.8.4, built from its bundled C source on install):
// `npm install` in golden/tulip once (package.json pins it; node_modules is not committed).
// Values are written with JavaScript's shortest round-trip formatting, which parses back to the exact double; a cell
// before Tulip's first output is empty. Each fixture is gzip-compressed (the tests read it as is).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const tulind = require('tulind');

function readCsv(file) {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const columns = {};
  header.forEach((h) => { columns[h] = []; });
  for (const line of lines.slice(1)) {
    line.split(',').forEach((cell, i) => columns[header[i]].push(Number(cell)));
  }
  return columns;
}

const datasets = {
  ttrc: readCsv('data/ttrc-daily.csv'),
  eu: readCsv('data/eu-stock-closes.csv'),
};

function rows(table) {
  const lines = fs.readFileSync(table, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    const row = {};
    header.forEach((h, i) => { row[h] = cells[i]; });
    return row;
  });
}

const list = (s) => (s ? s.split(',') : []);
const tables = fs.readdirSync('tulip').filter((f) => f.endsWith('.tsv')).sort();
fs.mkdirSync('tulip/fixtures', { recursive: true });
let count = 0;
for (const table of tables) {
  for (const row of rows(path.join('tulip', table))) {
    const data = datasets[row.dataset];
    const inputs = list(row.tulip_inputs).map((c) => data[c]);
    const options = list(row.tulip_options).map(Number);
    const indicator = tulind.indicators[row.tulip];
    const n = inputs[0].length;
    indicator.indicator(inputs, options, (err, results) => {
      if (err) throw new Error(row.id + ': ' + err);
      const start = n - results[0].length;
      const out = ['bar,' + indicator.output_names.join(',')];
      for (let t = 0; t < n; t++) {
        out.push(t + ',' + results.map((r) => (t < start ? '' : String(r[t - start]))).join(','));
      }
      fs.writeFileSync(path.join('tulip', 'fixtures', row.id + '.csv.gz'), zlib.gzipSync(out.join('\n') + '\n', { level: 9 }));
      count++;
    });
  }
}
console.log('wrote ' + count + ' Tulip fixtures with Tulip Indicators ' + tulind.version);
