// The tradlint extension for VS Code: starts `tradlint lsp` (stdio) for
// Markdown and plain-text documents; diagnostics, quick fixes, "adicionar
// ao dicionário do projeto" and hover come from the language server.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('tradlint').get('path') || 'tradlint';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('tradlint', 'tradlint', { run: server, debug: server }, {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.tradlint.toml') },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
