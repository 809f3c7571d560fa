// The Node.js peers of the compute benchmarks, on the inputs generate.js wrote:
//
//   node bench.js DIR > peers.json
//
// Rule evaluation: json-rules-engine and json-logic-js over the same rules and events as Kanca.
// Template rendering: mustache.js and Handlebars (each template compiled once) over the same
// templates and event. Each figure is the median of several timed runs; the matches and the
// rendered texts are written too, so that table.js can check every engine agrees with Kanca.
'use strict';

const fs = require('fs');
const path = require('path');
const { Engine } = require('json-rules-engine');
const jsonLogic = require('json-logic-js');
const Mustache = require('mustache');
const Handlebars = require('handlebars');
const { checksum } = require('./checksum');
const { addRulesEngineOperators, addJsonLogicOperations } = require('./translate');

const versionOf = (name) => require(`${name}/package.json`).version;

const dir = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const now = () => Number(process.hrtime.bigint()) / 1e9;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Calls step(i) for i = 0, 1, 2… until budgetMs have passed; gives the calls per second.
function rateSync(step) {
  const budget = manifest.budgetMs / 1000;
  const start = now();
  let calls = 0;
  let elapsed = 0;
  do {
    step(calls);
    ++calls;
    elapsed = now() - start;
  } while (elapsed < budget);
  return calls / elapsed;
}

// As rateSync, awaiting each call (json-rules-engine's run is asynchronous).
async function rateAsync(step) {
  const budget = manifest.budgetMs / 1000;
  const start = now();
  let calls = 0;
  let elapsed = 0;
  do {
    await step(calls);
    ++calls;
    elapsed = now() - start;
  } while (elapsed < budget);
  return calls / elapsed;
}

// A warm-up run (the JIT compiles the hot paths), then the median of the timed runs.
function figures(rates) {
  return { rate: median(rates.slice(1)), runs: rates.slice(1) };
}

function measureSync(step) {
  const rates = [];
  for (let run = 0; run <= manifest.runs; ++run)
    rates.push(rateSync(step));
  return figures(rates);
}

async function measureAsync(step) {
  const rates = [];
  for (let run = 0; run <= manifest.runs; ++run)
    rates.push(await rateAsync(step));
  return figures(rates);
}

async function rulesEngineBench(events, count) {
  const engine = new Engine(read(`rules-${count}.rules-engine.json`), { allowUndefinedFacts: true });
  addRulesEngineOperators(engine);
  const matchesOf = async (event) =>
    (await engine.run(event)).events.map((e) => Number(e.type)).sort((a, b) => a - b);
  const verified = [];
  for (let i = 0; i < manifest.verifyEvents[count]; ++i)
    verified.push(await matchesOf(events[i]));
  const measured = await measureAsync((i) => engine.run(events[i % events.length]));
  return { peer: `json-rules-engine ${versionOf('json-rules-engine')}`, ...measured,
           ...checksum(verified) };
}

function jsonLogicBench(events, count) {
  addJsonLogicOperations(jsonLogic);
  const rules = read(`rules-${count}.json-logic.json`);
  const matchesOf = (event) => {
    const matched = [];
    for (let r = 0; r < rules.length; ++r) {
      if (jsonLogic.truthy(jsonLogic.apply(rules[r], event)))
        matched.push(r);
    }
    return matched;
  };
  const verified = [];
  for (let i = 0; i < manifest.verifyEvents[count]; ++i)
    verified.push(matchesOf(events[i]));
  const measured = measureSync((i) => matchesOf(events[i % events.length]));
  return { peer: `json-logic-js ${versionOf('json-logic-js')}`, ...measured,
           ...checksum(verified) };
}

// render(i, view) renders template i. Two measurements, as Kanca's: rendering to text, and to
// the UTF-8 body that is sent (Buffer.from, which also flattens V8's concatenated strings).
function templateBench(name, count, view, render) {
  const outputs = [];
  for (let i = 0; i < count; ++i)
    outputs.push(render(i, view));
  return {
    text: { peer: name, ...measureSync((i) => render(i % count, view)), outputs },
    utf8: { peer: name, ...measureSync((i) => Buffer.from(render(i % count, view), 'utf8')),
            outputs },
  };
}

async function main() {
  const events = read('events.json');
  const result = { rules: [], templates: [] };
  for (const count of manifest.ruleCounts) {
    const peers = [await rulesEngineBench(events, count), jsonLogicBench(events, count)];
    result.rules.push({ count, peers });
  }

  const { event, templates } = read('templates.json');
  for (const { name, texts } of templates) {
    texts.forEach((t) => Mustache.parse(t)); // parsed once, then taken from mustache's cache
    const compiled = texts.map((t) => Handlebars.compile(t));
    const peers = [
      templateBench(`mustache.js ${versionOf('mustache')}`, texts.length, event,
                    (i, view) => Mustache.render(texts[i], view)),
      templateBench(`Handlebars ${versionOf('handlebars')}`, texts.length, event,
                    (i, view) => compiled[i](view)),
    ];
    for (const form of ['text', 'utf8'])
      result.templates.push({ name, form, peers: peers.map((p) => p[form]) });
  }
  process.stdout.write(JSON.stringify(result));
}

main();
