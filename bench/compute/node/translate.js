// One condition written in the form of every engine the benchmarks compare, so that each gets the
// same rules: Kanca (format version 1), json-rules-engine and json-logic-js. Used by generate.js
// (the generated rule sets of the rule benchmark) and by bench/backtest/peers.js (the example rule
// set of the backtest benchmark, read back from Kanca's form with fromKanca).
//
// A condition here is abstract: a group { kind: 'all' | 'any', members }, { kind: 'not', member }
// or a leaf { kind, field, value } whose kind says how Kanca compares it:
//   textContains  a part of a text, without case        (Kanca: text field, contains)
//   textEquals    the whole text, without case          (Kanca: text field, equals)
//   oneOf         one of a fixed set, without case      (Kanca: oneOf field, equals)
//   tagContains   an element of a list of texts         (Kanca: textList field, contains)
//   number        greaterThan, lessThan, atLeast, atMost (op) a number
//   matches       a regular expression, without case
//   in            equals one of the listed values
//
// Text comparisons the peers do not have are added in the most direct way a JavaScript developer
// would write them (addRulesEngineOperators, addJsonLogicOperations), with the needles lowered
// once here. `lower` is how texts are lowered on the peers' side: String.prototype.toLowerCase by
// default; bench/backtest passes toLocaleLowerCase('tr') for a Turkish rule set, as Kanca folds
// I to ı and İ to i there.
'use strict';

const defaultLower = (text) => text.toLowerCase();

// Kanca: format version 1.
function kancaCondition(c) {
  switch (c.kind) {
  case 'all':
  case 'any':
    return { [c.kind]: c.members.map(kancaCondition) };
  case 'not':
    return { not: kancaCondition(c.member) };
  case 'textContains':
  case 'tagContains':
    return { field: c.field, op: 'contains', value: c.value };
  case 'textEquals':
  case 'oneOf':
    return { field: c.field, op: 'equals', value: c.value };
  case 'number':
    return { field: c.field, op: c.op, value: c.value };
  case 'matches':
    return { field: c.field, op: 'matches', value: c.value };
  case 'in':
    return { field: c.field, op: 'in', value: c.value };
  }
  throw new Error(c.kind);
}

// The other way: a Kanca condition (a rule's "if"; absent: always true, as an empty "all") as an
// abstract one. fieldTypes maps a field's path to its type in the catalog (text, textList,
// oneOf, number…). What has no abstract form (other operators, "caseSensitive", date-times)
// throws: a rule set the peers cannot be given faithfully is not measured.
function fromKanca(condition, fieldTypes, where = 'if') {
  if (condition === undefined || condition === null)
    return { kind: 'all', members: [] };
  for (const kind of ['all', 'any']) {
    if (Array.isArray(condition[kind])) {
      return { kind, members: condition[kind].map((m, i) =>
                                                  fromKanca(m, fieldTypes, `${where}/${kind}/${i}`)) };
    }
  }
  if (condition.not !== undefined)
    return { kind: 'not', member: fromKanca(condition.not, fieldTypes, `${where}/not`) };
  const { field, op, value } = condition;
  const type = fieldTypes.get(field);
  const fail = (why) => {
    throw new Error(`${where}: ${why} (${JSON.stringify(condition)}): no form for the peers`);
  };
  if (condition.caseSensitive)
    fail('caseSensitive');
  const leaf = (kind) => ({ kind, field, value });
  if (op === 'matches' && (type === 'text' || type === 'oneOf'))
    return leaf('matches');
  if (op === 'in' && (type === 'text' || type === 'oneOf') && Array.isArray(value))
    return leaf('in');
  switch (type) {
  case 'text':
    if (op === 'contains')
      return leaf('textContains');
    if (op === 'equals')
      return leaf('textEquals');
    break;
  case 'oneOf':
    if (op === 'equals')
      return leaf('oneOf');
    break;
  case 'textList':
    if (op === 'contains')
      return leaf('tagContains');
    break;
  case 'number':
    if (['greaterThan', 'lessThan', 'atLeast', 'atMost'].includes(op) && typeof value === 'number')
      return { kind: 'number', field, op, value };
    break;
  default:
    fail(`field of type ${type}`);
  }
  return fail(`operator ${op} on a field of type ${type}`);
}

// json-rules-engine: facts are the event's parts, fields are JSONPath into them. Text
// comparisons ignore case through the operators addRulesEngineOperators adds (textContains,
// textEquals, matches); the needles are lowered here, once.
function rulesEngineCondition(c, lower = defaultLower) {
  const fact = (field) => {
    const [head, ...rest] = field.split('.');
    return { fact: head, path: `$.${rest.join('.')}` };
  };
  switch (c.kind) {
  case 'all':
  case 'any':
    return { [c.kind]: c.members.map((m) => rulesEngineCondition(m, lower)) };
  case 'not':
    return { not: rulesEngineCondition(c.member, lower) };
  case 'textContains':
    return { ...fact(c.field), operator: 'textContains', value: lower(c.value) };
  case 'textEquals':
  case 'oneOf':
    return { ...fact(c.field), operator: 'textEquals', value: lower(c.value) };
  case 'tagContains':
    return { ...fact(c.field), operator: 'contains', value: c.value };
  case 'number': {
    const operator = { greaterThan: 'greaterThan', lessThan: 'lessThan',
                       atLeast: 'greaterThanInclusive', atMost: 'lessThanInclusive' }[c.op];
    return { ...fact(c.field), operator, value: c.value };
  }
  case 'matches':
    return { ...fact(c.field), operator: 'matches', value: c.value };
  case 'in':
    return { ...fact(c.field), operator: 'in', value: c.value };
  }
  throw new Error(c.kind);
}

// The rules of one Engine; rule i fires the event of type String(i).
function rulesEngineRules(conditions, lower = defaultLower) {
  // A rule's top level must be a group.
  return conditions.map((c, i) => {
    const top = rulesEngineCondition(c, lower);
    return { name: `rule-${i}`, conditions: top.all || top.any || top.not ? top : { all: [top] },
             event: { type: String(i) } };
  });
}

// json-logic-js: "lower" and "matches" are the operations addJsonLogicOperations adds. An empty
// group is a constant, as in Kanca (an empty "all" is true, an empty "any" false; json-logic's
// "and" of nothing is not true).
function jsonLogicCondition(c, lower = defaultLower) {
  const lowered = (field) => ({ lower: [{ var: field }] });
  const each = (members) => members.map((m) => jsonLogicCondition(m, lower));
  switch (c.kind) {
  case 'all':
    return c.members.length ? { and: each(c.members) } : true;
  case 'any':
    return c.members.length ? { or: each(c.members) } : false;
  case 'not':
    return { '!': [jsonLogicCondition(c.member, lower)] };
  case 'textContains':
    return { in: [lower(c.value), lowered(c.field)] };
  case 'textEquals':
  case 'oneOf':
    return { '==': [lowered(c.field), lower(c.value)] };
  case 'tagContains':
    return { in: [c.value, { var: c.field }] };
  case 'number': {
    const op = { greaterThan: '>', lessThan: '<', atLeast: '>=', atMost: '<=' }[c.op];
    return { [op]: [{ var: c.field }, c.value] };
  }
  case 'matches':
    return { matches: [{ var: c.field }, c.value] };
  case 'in':
    return { in: [{ var: c.field }, c.value] };
  }
  throw new Error(c.kind);
}

// A RegExp per pattern (flags "iu"), compiled once and kept.
const regexCache = new Map();
function regex(pattern) {
  let compiled = regexCache.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern, 'iu');
    regexCache.set(pattern, compiled);
  }
  return compiled;
}

function addRulesEngineOperators(engine, lower = defaultLower) {
  engine.addOperator('textContains', (f, v) => typeof f === 'string' && lower(f).includes(v));
  engine.addOperator('textEquals', (f, v) => typeof f === 'string' && lower(f) === v);
  engine.addOperator('matches', (f, v) => typeof f === 'string' && regex(v).test(f));
}

function addJsonLogicOperations(jsonLogic, lower = defaultLower) {
  jsonLogic.add_operation('lower', (s) => (typeof s === 'string' ? lower(s) : s));
  jsonLogic.add_operation('matches', (s, p) => typeof s === 'string' && regex(p).test(s));
}

module.exports = {
  kancaCondition,
  fromKanca,
  rulesEngineCondition,
  rulesEngineRules,
  jsonLogicCondition,
  addRulesEngineOperators,
  addJsonLogicOperations,
};
