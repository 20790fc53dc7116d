// The copydesk extension: starts `copydesk server` for plain text and Markdown and
// lets vscode-languageclient show its findings, fixes and hovers.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// The settings that change how the server is started: a change restarts it.
const SERVER_SETTINGS = ["copydesk.path", "copydesk.serverArgs"];

function serverOptions(): ServerOptions {
  const settings = vscode.workspace.getConfiguration("copydesk");
  const configured = settings.get<string>("path");
  const command = configured && configured.trim() !== "" ? configured : "copydesk";
  // `copydesk.serverArgs` follows `server`; anything that is not a string is dropped.
  const extra = settings.get<unknown>("serverArgs");
  const strings = Array.isArray(extra) ? extra.filter((a): a is string => typeof a === "string") : [];
  const args = ["server", ...strings];
  // No `transport`: the client then speaks over the process's standard input and output
  // without appending `--stdio`, which `copydesk server` does not take.
  return { command, args };
}

function clientOptions(): LanguageClientOptions {
  const languages = ["markdown", "plaintext"];
  return {
    documentSelector: languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    // Sends workspace/didChangeConfiguration when `copydesk.*` settings change; the
    // server watches copydesk.toml itself (dynamic registration).
    synchronize: { configurationSection: "copydesk" },
  };
}

async function start(): Promise<void> {
  client = new LanguageClient("copydesk", "copydesk", serverOptions(), clientOptions());
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `copydesk: could not start \`copydesk server\` (${message}). Set "copydesk.path" to the copydesk executable, and check "copydesk.serverArgs".`,
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("copydesk.restart", async () => {
      await client?.stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (SERVER_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        await client?.stop();
        await start();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
