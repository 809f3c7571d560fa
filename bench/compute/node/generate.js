// Writes the inputs of the compute benchmarks into one directory, so that Kanca and every peer
// read the same rules, events and templates:
//
//   node generate.js DIR
//
//   DIR/rules-N.kanca.json        Kanca rule set (format version 1, locale tr), N = 10, 100, 1000
//   DIR/rules-N.rules-engine.json the same rules for json-rules-engine
//   DIR/rules-N.json-logic.json   the same rules for json-logic-js
//   DIR/events.json               the events (message.created), a list
//   DIR/templates.json            the payload templates and the event they are rendered with
//   DIR/manifest.json             how many runs, how long each, how many events to verify
//
// Everything is drawn from a fixed seed: two runs write the same files.
'use strict';

const fs = require('fs');
const path = require('path');
const { kancaCondition, rulesEngineRules, jsonLogicCondition } = require('./translate');

const RuleCounts = [10, 100, 1000];
const EventCount = 1000;
const Seed = 0x6b616e63; // "kanc"

// Mulberry32: a small, fast, deterministic generator.
function randomGenerator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = randomGenerator(Seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

// Texts in Turkish and English. None holds a capital I or İ: there Kanca's Turkish folding
// (I -> ı, İ -> i) and JavaScript's toLowerCase (I -> i, İ -> i̇) disagree, and the engines must
// reach the same matches. Every other capital (Ç, Ş, Ğ, Ö, Ü) folds the same way in both.
const Fragments = [
  'merhaba', 'Merhaba, kolay gelsin', 'fiyat teklifi alabilir miyim', 'ÖDEME sayfası çalışmıyor',
  'sipariş #48213 nerede', 'kargom hâlâ gelmedi', 'iade talebim var', 'demo rica ediyorum',
  'sürekli hata alıyorum', 'Şikayetim var', 'acele dönüş yapar mısınız', 'Çok teşekkürler',
  'ürün stokta mı', 'faturamı göndermediniz', 'kampanya KODU geçersiz', 'Üyelik iptal edilsin',
  'şifremi unuttum', 'hello', 'pricing for the enterprise plan', 'the checkout is not working',
  'order #58120 has not arrived', 'refund please', 'can we book a demo', 'URGENT: payment failed',
  'thanks a lot', 'the app crashes on login', 'cancel my subscription', 'where is my invoice',
  'shipping to Germany?', 'Order 77345 was damaged', 'checkout DOWN since yesterday',
];
const TextNeedles = [
  'fiyat', 'çalışmıyor', 'iade', 'demo', 'hata', 'şikayet', 'kargo', 'fatura', 'ödeme',
  'teşekkür', 'iptal', 'şifre', 'pricing', 'not working', 'refund', 'crash', 'urgent', 'payment',
  'invoice', 'cancel', 'thanks', 'shipping', 'sipariş', 'order',
];
const Tags = ['VIP', 'Kurumsal', 'Yeni Müşteri', 'B2B', 'newsletter', 'Churn Risk', 'Bayi',
              'Öncelikli', 'Deneme Sürümü', 'Ödeme Bekliyor'];
const Platforms = ['WhatsApp', 'Instagram', 'Messenger', 'Telegram', 'Web', 'Email', 'SMS'];
const Senders = ['visitor', 'agent', 'bot'];
const Cities = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Eskişehir', 'London', 'Berlin'];
const Names = ['Ayşe Yılmaz', 'Mehmet Öztürk', 'Zeynep Çelik', 'Emre Şahin', 'Gül Doğan',
               'John Smith', 'Emma Brown', 'Oğuz Kaya'];
// Regular expressions that mean the same in PCRE (QRegularExpression, caseless, Unicode) and in
// JavaScript (flags "iu"): no \b or \w next to non-ASCII letters, no capital I.
const Patterns = [
  '(sipariş|order)\\s*#?\\d{4,}', '^(merhaba|hello)', '\\d{5}', '(kargo|shipping).*(gelmedi|arrived)',
  '(çalışmıyor|not working)', 'ödeme|payment', 'demo$',
];
const TextFields = ['message.text', 'conversation.firstMessage'];
const TextText = { 'message.text': ['message', 'text'],
                   'conversation.firstMessage': ['conversation', 'firstMessage'] };

function sentence() {
  const parts = [];
  const count = between(1, 4);
  for (let i = 0; i < count; ++i)
    parts.push(pick(Fragments));
  return parts.join(', ');
}

function makeEvent(index) {
  const tags = [];
  const tagCount = between(0, 3);
  while (tags.length < tagCount) {
    const tag = pick(Tags);
    if (!tags.includes(tag))
      tags.push(tag);
  }
  return {
    type: 'message.created',
    id: `evt_${String(index).padStart(6, '0')}`,
    occurredAt: '2026-11-21T10:30:00Z',
    workspace: { id: 'ws_7f3k2m9q', name: 'Acme Destek' },
    contact: {
      id: `c_${100000 + index}`,
      fullname: pick(Names),
      tags,
      platform: pick(Platforms),
      city: pick(Cities),
      score: between(0, 100),
    },
    conversation: { id: `conv_${index}`, firstMessage: sentence(), messageCount: between(1, 40) },
    message: { text: sentence(), sender: pick(Senders) },
  };
}

// An abstract leaf or group (translate.js writes it in each engine's form).
function makeLeaf() {
  const r = random();
  if (r < 0.35)
    return { kind: 'textContains', field: pick(TextFields), value: pick(TextNeedles) };
  if (r < 0.50)
    return { kind: 'tagContains', field: 'contact.tags', value: pick(Tags) };
  if (r < 0.65) {
    const field = random() < 0.6 ? 'contact.score' : 'conversation.messageCount';
    const high = field === 'contact.score' ? 100 : 40;
    return { kind: 'number', field, op: pick(['greaterThan', 'atMost', 'atLeast', 'lessThan']),
             value: between(0, high) };
  }
  if (r < 0.75)
    return { kind: 'matches', field: pick(TextFields), value: pick(Patterns) };
  if (r < 0.85)
    return { kind: 'textEquals', field: 'contact.city', value: pick(Cities) };
  if (r < 0.95)
    return { kind: 'oneOf', field: 'contact.platform', value: pick(Platforms) };
  const senders = Senders.filter(() => random() < 0.5);
  return { kind: 'in', field: 'message.sender', value: senders.length ? senders : ['visitor'] };
}

function makeCondition(depth) {
  if (depth > 1 && random() < 0.6)
    return makeLeaf();
  if (depth > 1 && depth < 3 && random() < 0.15)
    return { kind: 'not', member: makeCondition(depth + 1) };
  const members = [];
  const count = between(2, 3);
  for (let i = 0; i < count; ++i)
    members.push(depth < 3 ? makeCondition(depth + 1) : makeLeaf());
  return { kind: random() < 0.5 ? 'all' : 'any', members };
}

function kancaRuleSet(conditions) {
  return {
    format: 'kanca.ruleset',
    version: 1,
    name: `Benchmark, ${conditions.length} rules`,
    locale: 'tr',
    rules: conditions.map((c, i) => ({
      id: `rule-${i}`,
      name: `Kural ${i}`,
      enabled: true,
      when: 'message.created',
      if: kancaCondition(c),
      then: [{ type: 'webhook', method: 'POST', url: 'https://example.com/hook',
               body: { format: 'json', template: '{"id": "{{event.id}}"}' } }],
    })),
  };
}

// Templates: seed 000's four payloads, from the bundled example, and a 5 KB payload with 50
// placeholders. They hold only contact.*, conversation.* and workspace.* fields (the peers have
// no event.* or rule.* mapping) and are rendered with the Turkish sample contact.created event.
function deepMerge(base, over) {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && base[key]
                   ? deepMerge(base[key], value) : value;
  }
  return out;
}

function templates(repository) {
  const example = JSON.parse(fs.readFileSync(
      path.join(repository, 'resources/examples/supsis-examples.kanca.json'), 'utf8'));
  const samples = JSON.parse(fs.readFileSync(
      path.join(repository, 'resources/catalog/samples-tr.json'), 'utf8'));
  const event = deepMerge(samples.base, samples.events['contact.created']);
  const seed = ['lead-to-crm', 'vip-to-slack', 'support-to-tickets', 'whatsapp-lead-to-analytics']
                   .map((id) => example.rules.find((r) => r.id === id).then[0].body.template);

  const stringFields = [
    'contact.id', 'contact.fullname', 'contact.email', 'contact.phone', 'contact.whatsappNumber',
    'contact.platform', 'contact.company', 'contact.jobTitle', 'contact.city', 'contact.country',
    'contact.funnelStage', 'conversation.id', 'conversation.firstMessage',
    'conversation.lastMessage', 'conversation.startedAt', 'workspace.id', 'workspace.name',
  ];
  const numberFields = ['contact.score', 'conversation.messageCount'];
  const entries = [];
  for (let i = 0; i < 50; ++i) {
    const key = `alan${String(i).padStart(2, '0')}`;
    if (i % 10 === 9) {
      entries.push(`  "${key}": {{${numberFields[i % numberFields.length]}}}`);
    } else {
      const field = stringFields[i % stringFields.length];
      entries.push(`  "${key}": "Müşteri kaydının ${i}. alanı: {{${field}}}; yük için kısa bir açıklama."`);
    }
  }
  const large = `{\n${entries.join(',\n')}\n}`;
  return { event, templates: [
    { name: 'seed-000', texts: seed },
    { name: '5kb-50', texts: [large] },
  ] };
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node generate.js DIR');
    process.exit(2);
  }
  const repository = path.resolve(__dirname, '../../..');
  fs.mkdirSync(dir, { recursive: true });
  const write = (name, value) => fs.writeFileSync(path.join(dir, name), JSON.stringify(value));

  const events = [];
  for (let i = 0; i < EventCount; ++i)
    events.push(makeEvent(i));
  write('events.json', events);

  const conditions = [];
  for (let i = 0; i < RuleCounts[RuleCounts.length - 1]; ++i)
    conditions.push(makeCondition(1));
  for (const count of RuleCounts) {
    const some = conditions.slice(0, count);
    write(`rules-${count}.kanca.json`, kancaRuleSet(some));
    write(`rules-${count}.rules-engine.json`, rulesEngineRules(some));
    write(`rules-${count}.json-logic.json`, some.map((c) => jsonLogicCondition(c)));
  }
  write('templates.json', templates(repository));
  // How every engine measures: `runs` timed runs of `budgetMs` each after a warm-up run, and a
  // verification pass over the first verifyEvents[N] events whose matches must agree.
  write('manifest.json', { ruleCounts: RuleCounts, runs: 5, budgetMs: 200,
                           verifyEvents: { 10: 1000, 100: 300, 1000: 30 } });
}

main();
