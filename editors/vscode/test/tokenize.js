#!/usr/bin/env node
// Tokenizes a spec with the TextMate grammar the way VS Code does (vscode-textmate + Oniguruma),
// prints a sample of tokens and exits 1 when a kind of token is missing.
//   node test/tokenize.js GRAMMAR SPEC [TEXT=SCOPE ...]
// TEXT=SCOPE also requires a token whose text is TEXT to carry a scope starting with SCOPE.
// Needs the devDependencies (npm install) or NODE_PATH pointing at vscode-textmate/-oniguruma.
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const [grammarPath, specPath, ...expectations] = process.argv.slice(2);
if (!grammarPath || !specPath) {
  console.error('usage: tokenize.js GRAMMAR SPEC [TEXT=SCOPE ...]');
  process.exit(2);
}

const kinds = {
  comment: 'comment.line',
  string: 'string.quoted',
  keyword: 'keyword.other',
  category: 'entity.name.section',
  number: 'constant.numeric',
  comparator: 'keyword.operator.comparison',
};
// Shown when present, not required (not every spec has them).
const extras = { triple: 'string.quoted.triple', unit: 'support.type.unit', grade: 'constant.language.grade' };

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), path.resolve(grammarPath)),
  });
  const grammar = await registry.loadGrammar('source.jixiao');

  const tokens = []; // {line, text, scopes}
  let state = vsctm.INITIAL;
  const lines = fs.readFileSync(specPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      if (text.trim()) tokens.push({ line: i + 1, text, scopes: t.scopes.slice(1) });
    }
    state = r.ruleStack;
  });

  const find = (prefix, text) => {
    const hits = tokens.filter((t) => (text === undefined || t.text.trim() === text) && t.scopes.some((s) => s.startsWith(prefix)));
    return hits.find((t) => !t.scopes.some((s) => s.startsWith('punctuation'))) || hits[0]; // "# …" rather than "#"
  };
  const show = (label, t) => console.log(`${label.padEnd(11)} ${String(t.line).padStart(3)}: ${JSON.stringify(t.text)}  ${t.scopes.join(' ')}`);

  let failed = false;
  for (const [kind, prefix] of Object.entries(kinds)) {
    const t = find(prefix);
    if (t) show(kind, t);
    else { console.log(`${kind.padEnd(11)} MISSING (no token with scope ${prefix}*)`); failed = true; }
  }
  for (const [kind, prefix] of Object.entries(extras)) {
    const t = find(prefix);
    if (t) show(kind, t);
  }
  for (const e of expectations) {
    const eq = e.lastIndexOf('=');
    const [text, prefix] = [e.slice(0, eq), e.slice(eq + 1)];
    const t = find(prefix, text);
    if (t) show(text, t);
    else {
      const any = tokens.find((x) => x.text.trim() === text);
      console.log(`${text.padEnd(11)} FAIL: wanted ${prefix}*, got ${any ? any.scopes.join(' ') || '(no scope)' : 'no such token'}`);
      failed = true;
    }
  }
  // Text outside every scope is text the grammar does not know: worth a look, not an error.
  const plain = tokens.filter((t) => t.scopes.length === 0);
  const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
  for (const t of plain.slice(0, 10)) show('unscoped', t);
  for (const t of invalid.slice(0, 10)) show('invalid', t);
  console.log(`${tokens.length} tokens, ${plain.length} unscoped, ${invalid.length} invalid: ${failed ? 'FAIL' : 'ok'}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
