#!/usr/bin/env node
// Validates Kanca rule sets against the JSON Schema of the format with a real validator (Ajv,
// draft 2020-12, strict mode, all errors).
//
//   node validate-examples.mjs SCHEMA DIR_OR_FILE... [--expect-invalid DIR_OR_FILE]...
//
// Every *.json file in a directory (recursively, in name order) or given by name must be valid;
// every file after --expect-invalid must be rejected by the schema. Prints "ok FILE" for each
// expected outcome, the errors (with their instance paths) for each unexpected one, and a closing
// line "N passed, M failed". Exits 0 only when every file behaved as expected.
//
// Ajv comes from npm: run `npm ci --prefix tests/schema` once.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const usage =
  "usage: node validate-examples.mjs SCHEMA DIR_OR_FILE... [--expect-invalid DIR_OR_FILE]...";

async function loadAjv() {
  try {
    const { default: Ajv2020 } = await import("ajv/dist/2020.js");
    const { default: addFormats } = await import("ajv-formats");
    return { Ajv2020, addFormats };
  } catch (error) {
    if (error && error.code === "ERR_MODULE_NOT_FOUND") {
      console.error(
        "error: the JSON Schema validator (ajv, ajv-formats) is not installed.\n" +
          "Install it once with:  npm ci --prefix tests/schema"
      );
      process.exit(1);
    }
    throw error;
  }
}

function parseArguments(argv) {
  if (argv.length < 2 || argv.includes("-h") || argv.includes("--help")) {
    console.error(usage);
    process.exit(2);
  }
  const [schema, ...rest] = argv;
  const targets = [];
  for (let i = 0; i < rest.length; ++i) {
    if (rest[i] === "--expect-invalid") {
      if (i + 1 >= rest.length) {
        console.error("error: --expect-invalid needs a directory or file\n" + usage);
        process.exit(2);
      }
      targets.push({ path: rest[++i], expectValid: false });
    } else if (rest[i].startsWith("--")) {
      console.error(`error: unknown option ${rest[i]}\n${usage}`);
      process.exit(2);
    } else {
      targets.push({ path: rest[i], expectValid: true });
    }
  }
  if (targets.length === 0) {
    console.error("error: no directory or file to validate\n" + usage);
    process.exit(2);
  }
  return { schema, targets };
}

function jsonFilesIn(dir) {
  const files = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") files.push(...jsonFilesIn(path));
    } else if (entry.name.endsWith(".json")) {
      files.push(path);
    }
  }
  return files;
}

function displayName(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

function describe(error) {
  const message = error.keyword === "false schema" ? "is not allowed here" : error.message;
  let text = `${error.instancePath || "/"}: ${message}`;
  const params = error.params || {};
  if (params.additionalProperty !== undefined) text += ` (${params.additionalProperty})`;
  else if (params.allowedValues !== undefined) text += ` (${params.allowedValues.join(", ")})`;
  else if (params.allowedValue !== undefined) text += ` (${JSON.stringify(params.allowedValue)})`;
  return text;
}

// Drops the 'must match "then" schema' errors that only repeat, one level up, an error already
// reported where it is (the schema dispatches on kinds with if/then/else), and repeated errors.
function usefulErrors(errors) {
  const useful = errors.filter((error) => error.keyword !== "if");
  const seen = new Set();
  return (useful.length > 0 ? useful : errors).filter((error) => {
    const key = describe(error);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const { schema: schemaPath, targets } = parseArguments(process.argv.slice(2));
const { Ajv2020, addFormats } = await loadAjv();

let validate;
try {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
} catch (error) {
  console.error(`error: cannot compile the schema ${schemaPath}: ${error.message}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;

for (const target of targets) {
  let files;
  try {
    files = statSync(target.path).isDirectory() ? jsonFilesIn(target.path) : [target.path];
  } catch (error) {
    console.log(`FAIL ${target.path}: ${error.message}`);
    ++failed;
    continue;
  }
  if (files.length === 0) {
    console.log(`FAIL ${target.path}: no *.json files in it`);
    ++failed;
    continue;
  }
  for (const file of files) {
    const name = displayName(file);
    let document;
    try {
      document = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      // Not JSON at all: a schema test file must be JSON, valid or not.
      console.log(`FAIL ${name}: not a JSON document: ${error.message}`);
      ++failed;
      continue;
    }
    const valid = validate(document);
    const errors = usefulErrors(validate.errors || []);
    if (valid === target.expectValid) {
      ++passed;
      if (valid) {
        console.log(`ok ${name}`);
      } else {
        console.log(`ok ${name} (rejected as expected)`);
        for (const error of errors) console.log(`    ${describe(error)}`);
      }
    } else {
      ++failed;
      if (valid) {
        console.log(`FAIL ${name}: the schema accepts it, but it must be rejected`);
      } else {
        console.log(`FAIL ${name}: ${errors.length} schema error(s)`);
        for (const error of errors) console.log(`    ${describe(error)}`);
      }
    }
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
