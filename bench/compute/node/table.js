// Prints the markdown table rows of the compute benchmarks from Kanca's figures and the peers':
//
//   node table.js ROUNDS DIR
//
// reads DIR/kanca-1.json … DIR/kanca-ROUNDS.json and DIR/peers-1.json … (run.sh runs Kanca and
// the peers in turn, ROUNDS times, so that a change of the machine's load does not fall on one
// side only); each figure is the median of every timed run of every round.
//
// One row per peer. A row whose engines disagree (different matches in the verification pass,
// different rendered payloads) says so in its "Met" column and on stderr: its figures compare
// different work.
'use strict';

const fs = require('fs');
const path = require('path');

const [rounds, dir] = [Number(process.argv[2]), process.argv[3]];
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The results of every round in one: each figure's runs put together, its rate their median.
// The verification (matches, checksum, outputs) must be the same in every round.
function merged(prefix) {
  const all = [];
  for (let round = 1; round <= rounds; ++round)
    all.push(read(`${prefix}-${round}.json`));
  const first = all[0];
  const mergePeers = (peersOf) => peersOf(first).map((peer, p) => {
    const runs = all.flatMap((result) => peersOf(result)[p].runs);
    const consistent = all.every((result) => {
      const other = peersOf(result)[p];
      return other.matches === peer.matches && other.checksum === peer.checksum &&
             JSON.stringify(other.outputs) === JSON.stringify(peer.outputs);
    });
    return { ...peer, runs, rate: median(runs), consistent };
  });
  return {
    rules: first.rules.map((r, i) => ({ ...r, peers: mergePeers((x) => x.rules[i].peers) })),
    templates: first.templates.map((t, i) => ({ ...t,
                                                peers: mergePeers((x) => x.templates[i].peers) })),
  };
}

const kanca = merged('kanca');
const peers = merged('peers');
const Targets = { 'json-rules-engine': 10, 'json-logic-js': 4, Handlebars: 2 }; // issue 15: json-logic-js 3x -> 4x

function figure(rate, unit) {
  if (rate >= 1e6)
    return `${(rate / 1e6).toFixed(2)} M ${unit}`;
  if (rate >= 1e4)
    return `${(rate / 1e3).toFixed(0)} k ${unit}`;
  if (rate >= 1e3)
    return `${(rate / 1e3).toFixed(1)} k ${unit}`;
  return `${rate < 10 ? rate.toFixed(1) : rate.toFixed(0)} ${unit}`;
}

const ratio = (r) => `${r < 10 ? r.toFixed(1) : r.toFixed(0)}×`;
let disagreements = 0;

function row(benchmark, input, ours, peer, unit, agrees) {
  const target = Targets[peer.peer.split(' ')[0]];
  const r = ours.rate / peer.rate;
  let met = target ? (r >= target ? 'yes' : 'no') : '—';
  if (!agrees) {
    met = 'no: results differ';
    ++disagreements;
    process.stderr.write(`${benchmark}, ${input}: ${peer.peer} does not agree with Kanca\n`);
  }
  console.log(`| ${benchmark} | ${input} | ${figure(ours.rate, unit)} | ${peer.peer} | ` +
              `${figure(peer.rate, unit)} | ${ratio(r)} | ${target ? `≥ ${target}×` : '—'} | ${met} |`);
}

for (const { count, peers: [ours] } of kanca.rules) {
  const theirs = peers.rules.find((r) => r.count === count);
  for (const peer of theirs.peers) {
    const agrees = peer.matches === ours.matches && peer.checksum === ours.checksum &&
                   peer.consistent && ours.consistent;
    row('Rule evaluation', `${count.toLocaleString('en')} rules`, ours, peer, 'events/s', agrees);
  }
}

const InputNames = { 'seed-000': "seed 000's 4 payloads", '5kb-50': '5 KB payload, 50 placeholders' };
const FormNames = { text: '', utf8: ', to UTF-8 bytes' };
for (const { name, form, peers: [ours] } of kanca.templates) {
  const theirs = peers.templates.find((t) => t.name === name && t.form === form);
  for (const peer of theirs.peers) {
    const agrees = JSON.stringify(peer.outputs) === JSON.stringify(ours.outputs) &&
                   peer.consistent && ours.consistent;
    row('Template rendering', (InputNames[name] || name) + FormNames[form], ours, peer,
        'payloads/s', agrees);
  }
}
process.exitCode = disagreements ? 1 : 0;
