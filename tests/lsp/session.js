#!/usr/bin/env node
// A scripted LSP session with `tradlint lsp` over vscode-jsonrpc (the
// library VS Code's client is built on):  session.js TRADLINT PROJECT-DIR
// initialize; didOpen (diagnostics equal to tradlint check's findings,
// UTF-16 columns after accents and emoji); didChange, full and by range;
// codeAction (suggestion edits, fix-all, add to the project dictionary);
// workspace/executeCommand tradlint.addWord (the word list and
// .tradlint.toml written, the diagnostics republished); hover with the
// glossary note; didClose; shutdown and exit. Prints "lsp-session: N
// passed, N failed".
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');

const [bin, project] = process.argv.slice(2);
let passed = 0, failed = 0;
function ok(cond, what) {
  if (cond) passed++;
  else { failed++; console.log(`lsp-session: FAIL ${what}`); }
}
const file = path.join(project, 'artigo.md');
const uri = 'file://' + file;
const text = fs.readFileSync(file, 'utf8');
const proc = cp.spawn(bin, ['lsp'], { cwd: project, stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
let waiting = null, latest = null;
const messages = [];
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  latest = p.diagnostics;
  if (waiting) { const w = waiting; waiting = null; w(p.diagnostics); }
});
conn.onNotification('window/showMessage', (p) => messages.push(p.message));
conn.listen();
function diagnostics(send) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no diagnostics in 20 s')), 20000);
    waiting = (d) => { clearTimeout(t); resolve(d); };
    send();
  });
}
// UTF-16 column of code-point column @col (1-based) of line @line (1-based)
function utf16Col(src, line, col) {
  const l = src.split(/\r\n|\r|\n/)[line - 1];
  return [...l].slice(0, col - 1).join('').length;
}

(async () => {
  try {
    const init = await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: 'file://' + project, capabilities: {},
      workspaceFolders: [{ uri: 'file://' + project, name: 'p' }],
    });
    ok(init.capabilities.textDocumentSync.change === 1 && init.capabilities.hoverProvider &&
      init.capabilities.executeCommandProvider.commands.includes('tradlint.addWord'), 'capabilities');
    ok(init.serverInfo.name === 'tradlint', 'serverInfo');
    conn.sendNotification('initialized', {});

    // didOpen: the same findings as tradlint check, positions in UTF-16
    let d = await diagnostics(() => conn.sendNotification('textDocument/didOpen',
      { textDocument: { uri, languageId: 'markdown', version: 1, text } }));
    const cli = JSON.parse(cp.execFileSync(bin, ['check', '--no-db', '--format', 'json', '--fail-on', 'never', 'artigo.md'],
      { cwd: project })).files[0].findings;
    ok(d.length === cli.length && cli.length >= 6, `didOpen: ${d.length} diagnostics, check has ${cli.length}`);
    ok(cli.every((f, i) => d[i] && d[i].code === f.rule && d[i].range.start.line === f.line - 1 &&
      d[i].range.start.character === utf16Col(text, f.line, f.column) &&
      d[i].range.end.character === utf16Col(text, f.end_line, f.end_column) && d[i].message === f.message),
    'diagnostics match the CLI findings (rule, UTF-16 range, message)');
    ok(d.every((x) => x.source === 'tradlint' && [1, 2, 3].includes(x.severity)), 'source and severity');

    // didChange (full): a new line with an emoji and accents before a typo
    const changed = text + '\nAção 😀 é o treinamneto final.\n';
    d = await diagnostics(() => conn.sendNotification('textDocument/didChange',
      { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] }));
    const last = changed.split('\n').length - 2;
    const typo = d.find((x) => x.range.start.line === last && x.code === 'spelling.unknown');
    ok(typo && typo.range.start.character === 'Ação 😀 é o '.length && typo.range.end.character === 'Ação 😀 é o treinamneto'.length,
      `didChange: typo after an emoji at UTF-16 column ${typo && typo.range.start.character}`);
    // didChange by range: replace "treinamneto" on that line
    const col = 'Ação 😀 é o '.length;
    d = await diagnostics(() => conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: last, character: col }, end: { line: last, character: col + 11 } }, text: 'modelo' }],
    }));
    ok(!d.some((x) => x.range.start.line === last), 'didChange by range fixed the typo');

    // codeAction on GPT-4.0: the suggestion, and the fix-all action
    const g = d.find((x) => x.code === 'terminology.forbidden');
    let acts = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: g.range, context: { diagnostics: [g] } });
    const swap = acts.find((a) => a.title.includes("'GPT-4o'"));
    ok(swap && swap.kind === 'quickfix' && swap.isPreferred && swap.edit.changes[uri][0].newText === 'GPT-4o' &&
      JSON.stringify(swap.edit.changes[uri][0].range) === JSON.stringify(g.range), 'codeAction: replace GPT-4.0 by GPT-4o');
    const all = acts.find((a) => a.kind === 'source.fixAll.tradlint');
    ok(all && all.edit.changes[uri].length >= 4, 'codeAction: every safe fix');

    // hover on GPT-4.0: the message and the glossary note
    const hov = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: g.range.start });
    ok(hov && hov.contents.kind === 'markdown' && hov.contents.value.includes('Glossário') && hov.contents.value.includes('omni'),
      `hover: ${hov && hov.contents.value}`);
    const nothing = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    ok(nothing === null, 'hover where nothing is found');

    // add an unknown word to the project dictionary
    const word = d.find((x) => x.code === 'spelling.unknown');
    acts = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: word.range, context: { diagnostics: [word] } });
    const add = acts.find((a) => a.command && a.command.command === 'tradlint.addWord');
    ok(add && add.title.includes('dicionário do projeto'), 'codeAction: add to the project dictionary');
    d = await diagnostics(() => conn.sendRequest('workspace/executeCommand', add.command));
    ok(!d.some((x) => x.code === 'spelling.unknown' && x.range.start.line === word.range.start.line &&
      x.range.start.character === word.range.start.character), 'the added word is no longer reported');
    const words = fs.readFileSync(path.join(project, 'palavras.txt'), 'utf8');
    ok(words.split('\n').includes(add.command.arguments[0]), 'palavras.txt has the word');
    ok(/words = \["palavras.txt"\]/.test(fs.readFileSync(path.join(project, '.tradlint.toml'), 'utf8')), '.tradlint.toml declares it');
    const again = JSON.parse(cp.execFileSync(bin, ['check', '--no-db', '--format', 'json', '--fail-on', 'never', 'artigo.md'],
      { cwd: project })).files[0].findings;
    ok(!again.some((f) => f.text === add.command.arguments[0] && f.rule === 'spelling.unknown'), 'tradlint check knows the word too');
    ok(messages.some((m) => m.includes('adicionada')), 'the client is told');

    // errors keep the session going
    let err = null;
    try { await conn.sendRequest('textDocument/unknownThing', {}); } catch (e) { err = e; }
    ok(err && err.code === -32601, 'unknown method: MethodNotFound');
    err = null;
    try { await conn.sendRequest('workspace/executeCommand', { command: 'tradlint.addWord', arguments: ['duas palavras', uri] }); } catch (e) { err = e; }
    ok(err && err.code === -32602, 'addWord with a bad word: InvalidParams');

    d = await diagnostics(() => conn.sendNotification('textDocument/didClose', { textDocument: { uri } }));
    ok(d.length === 0, 'didClose clears the diagnostics');
    ok(await conn.sendRequest('shutdown') === null, 'shutdown');
    const code = await new Promise((resolve) => { proc.on('exit', resolve); conn.sendNotification('exit'); });
    ok(code === 0, `exit status ${code}`);
  } catch (e) {
    ok(false, `exception: ${e.stack || e}`);
    proc.kill();
  }
  console.log(`lsp-session: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
