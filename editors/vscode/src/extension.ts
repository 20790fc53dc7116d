// The copydesk extension: starts `copydesk server` for plain text and Markdown and
// lets vscode-languageclient show its findings, fixes and hovers.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverOptions(): ServerOptions {
  const configured = vscode.workspace.getConfiguration("copydesk").get<string>("path");
  const command = configured && configured.trim() !== "" ? configured : "copydesk";
  return { command, args: ["server"], transport: TransportKind.stdio };
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
      `copydesk: could not start \`copydesk server\` (${message}). Set "copydesk.path" to the copydesk executable.`,
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
      if (event.affectsConfiguration("copydesk.path")) {
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
