// The Node.js peers of the backtest benchmark: json-rules-engine and json-logic-js run a Kanca
// rule set's conditions over a JSON-lines events file, as `kanca backtest RULESET --events FILE`
// does (without --against), and count per rule the events that match.
//
//   node peers.js RULESET EVENTS.jsonl [PASSES] > peers.json
//
// The peers are the ones of the rule benchmark, pinned by bench/compute/node/package-lock.json
// (bench/backtest/run.sh installs them), and the rules are written in each peer's form by the
// same code (bench/compute/node/translate.js), read back from the rule set with fromKanca.
// Every rule is checked only against events of its type ("when") and only while enabled, as
// Kanca does; a rule without "if" matches every event of its type. Text is lowered the way the
// rule set's language says (toLocaleLowerCase('tr') for "tr": I is ı, İ is i, as Kanca folds).
//
// Timed, with the clock of the process (process.hrtime):
//   parseMs            reading the file, splitting its lines, JSON.parse of each line
//   firstEvaluateMs    the first pass over the parsed events (the JIT still compiling)
//   evaluateMs         the median of PASSES (default 3) further passes: a re-run after an edit
// Prints one JSON object: { node, events, checks, parseMs, peers: [{ peer, firstEvaluateMs,
// evaluateMs, passesMs, matched: { ruleId: count }, consistent }] } (checks: the (event, rule)
// pairs a pass checks). consistent is false when a pass counted
// other matches than the first.
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const nodeDir = path.resolve(__dirname, '../compute/node');
const requirePeer = createRequire(path.join(nodeDir, 'package.json'));
const { Engine } = requirePeer('json-rules-engine');
const jsonLogic = requirePeer('json-logic-js');
const translate = require(path.join(nodeDir, 'translate.js'));

const versionOf = (name) => requirePeer(`${name}/package.json`).version;
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const [rulesFile, eventsFile, passesText] = process.argv.slice(2);
if (!rulesFile || !eventsFile) {
  console.error('usage: node peers.js RULESET EVENTS.jsonl [PASSES]');
  process.exit(2);
}
const passes = Number(passesText || 3);
const root = path.resolve(__dirname, '../..');
const catalog = JSON.parse(fs.readFileSync(path.join(root, 'resources/catalog/catalog.json'), 'utf8'));
const fieldTypes = new Map(catalog.fields.map((f) => [f.path, f.type]));
const ruleSet = JSON.parse(fs.readFileSync(rulesFile, 'utf8'));
const lower = ruleSet.locale === 'tr' ? (text) => text.toLocaleLowerCase('tr')
                                      : (text) => text.toLowerCase();

// The enabled rules, by event type: [{ id, condition }] (the condition in the abstract form).
const rulesByType = new Map();
ruleSet.rules.forEach((rule, i) => {
  if (rule.enabled === false)
    return;
  const condition = translate.fromKanca(rule.if, fieldTypes, `/rules/${i}/if`);
  if (!rulesByType.has(rule.when))
    rulesByType.set(rule.when, []);
  rulesByType.get(rule.when).push({ id: rule.id, condition });
});

// Each peer: prepare() once, then evaluate(events, counts) per pass, adding to counts[ruleId].
function jsonLogicPeer() {
  translate.addJsonLogicOperations(jsonLogic, lower);
  const byType = new Map();
  for (const [type, rules] of rulesByType) {
    byType.set(type, rules.map((r) => ({ id: r.id,
                                         logic: translate.jsonLogicCondition(r.condition, lower) })));
  }
  return {
    peer: `json-logic-js ${versionOf('json-logic-js')}`,
    evaluate(events, counts) {
      for (const event of events) {
        const rules = byType.get(event.type);
        if (rules === undefined)
          continue;
        for (const rule of rules) {
          if (jsonLogic.truthy(jsonLogic.apply(rule.logic, event)))
            ++counts[rule.id];
        }
      }
    },
  };
}

// One Engine per event type, with that type's rules (the way Kanca dispatches); the event's
// top-level parts are the facts.
function rulesEnginePeer() {
  const byType = new Map();
  for (const [type, rules] of rulesByType) {
    const engine = new Engine(translate.rulesEngineRules(rules.map((r) => r.condition), lower),
                              { allowUndefinedFacts: true });
    translate.addRulesEngineOperators(engine, lower);
    byType.set(type, { engine, ids: rules.map((r) => r.id) });
  }
  return {
    peer: `json-rules-engine ${versionOf('json-rules-engine')}`,
    async evaluate(events, counts) {
      for (const event of events) {
        const forType = byType.get(event.type);
        if (forType === undefined)
          continue;
        const { events: fired } = await forType.engine.run(event);
        for (const e of fired)
          ++counts[forType.ids[Number(e.type)]];
      }
    },
  };
}

async function measure(peer, events) {
  const zero = () => Object.fromEntries(ruleSet.rules.map((r) => [r.id, 0]));
  const timedPass = async () => {
    const counts = zero();
    const start = nowMs();
    await peer.evaluate(events, counts);
    return { ms: nowMs() - start, counts };
  };
  const first = await timedPass();
  const passesMs = [];
  let consistent = true;
  for (let pass = 0; pass < passes; ++pass) {
    const { ms, counts } = await timedPass();
    passesMs.push(ms);
    consistent = consistent && JSON.stringify(counts) === JSON.stringify(first.counts);
  }
  return { peer: peer.peer, firstEvaluateMs: first.ms, evaluateMs: median(passesMs), passesMs,
           matched: first.counts, consistent };
}

async function main() {
  const start = nowMs();
  const text = fs.readFileSync(eventsFile, 'utf8');
  const events = [];
  let line = 0;
  for (const row of text.split('\n')) {
    ++line;
    if (row.trim() === '')
      continue;
    try {
      events.push(JSON.parse(row));
    } catch (error) {
      throw new Error(`${eventsFile}:${line}: ${error.message}`);
    }
  }
  const parseMs = nowMs() - start;
  // (event, rule) pairs checked: each event against the enabled rules of its type.
  const checks = events.reduce((sum, e) => sum + (rulesByType.get(e.type) || []).length, 0);

  const peers = [];
  for (const make of [rulesEnginePeer, jsonLogicPeer])
    peers.push(await measure(make(), events));
  process.stdout.write(JSON.stringify({ node: process.version, events: events.length, checks,
                                        parseMs, peers }));
}

main().catch((error) => {
  console.error(`peers.js: ${error.message}`);
  process.exit(1);
});
