// The demo: a ProseMirror editor of the basic schema with the copydesk plugin.
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { schema } from "prosemirror-schema-basic";
import { keymap } from "prosemirror-keymap";
import { history, undo, redo } from "prosemirror-history";
import { baseKeymap } from "prosemirror-commands";
import { copydesk, applyAllSafeFixes } from "copydesk-prosemirror";

const params = new URLSearchParams(location.search);
const status = document.getElementById("findings");
const view = new EditorView(document.getElementById("editor"), {
  state: EditorState.create({
    schema,
    plugins: [
      history(),
      keymap({ "Mod-z": undo, "Mod-y": redo, "Shift-Mod-z": redo }),
      keymap(baseKeymap),
      copydesk({
        url: params.get("service") || "http://127.0.0.1:7777",
        date: params.get("date") || undefined,
        debounce: 300,
        onFindings: (list) => {
          status.textContent = list.length === 1 ? "1 finding" : `${list.length} findings`;
        },
        onError: (e) => { status.textContent = e.message; },
      }),
    ],
  }),
});
document.getElementById("fixall").addEventListener("click", () => { applyAllSafeFixes(view); view.focus(); });
window.copydeskView = view;
