// The jixiao extension: starts `jixiao lsp` (JSON-RPC over stdio) for *.jx files.
// Plain CommonJS so that the folder runs as it is, without a build step.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client; // the running client, or undefined

function serverCommand() {
  const config = vscode.workspace.getConfiguration('jixiao.server');
  let command = config.get('path') || 'jixiao';
  // Lets a workspace point at its own build: "${workspaceFolder}/build/jixiao".
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder) command = command.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
  const extraArgs = config.get('extraArgs') || [];
  return { command, args: ['lsp', ...extraArgs] };
}

async function start() {
  const { command, args } = serverCommand();
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'jixiao' },
      { scheme: 'untitled', language: 'jixiao' },
    ],
  };
  // The id 'jixiao' makes the client read the `jixiao.trace.server` setting.
  let c;
  try {
    c = new LanguageClient('jixiao', 'jixiao Language Server', serverOptions, clientOptions);
    await c.start();
    client = c;
  } catch (err) {
    // The usual cause is an executable that is not installed or not on PATH.
    const reason = (err && err.message) || String(err);
    const choice = await vscode.window.showErrorMessage(
      `jixiao: cannot start the language server "${command} ${args.join(' ')}" (${reason}). ` +
        'Set "jixiao.server.path" to the jixiao executable.',
      'Open Settings'
    );
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'jixiao.server.path');
    }
    if (c) c.dispose().catch(() => {}); // it never ran
  }
}

async function stop() {
  const c = client;
  client = undefined;
  if (c) {
    try { await c.stop(); } catch (_) { /* already gone */ }
  }
}

async function restart() {
  await stop();
  await start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('jixiao.restartServer', restart),
    // A new path or new arguments take effect at once.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('jixiao.server')) restart();
    })
  );
  return start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
