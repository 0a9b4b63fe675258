import { h } from "../dom";
import { connect, connectedAccount, hasWallet, send, type Outcome } from "../wallet";

// A wallet action as a button: connects the wallet when needed, sends, and says what happened next to the button.
// On success the page is drawn again from the API, so the balances shown include the transaction.

export let rerender: (notice: string) => void = () => {};
export const onRerender = (f: (notice: string) => void) => { rerender = f; };

export function actionButton(label: string, done: string, target: () => Promise<{ to: string; data: string }>): HTMLElement {
  const button = h("button", { type: "button", class: "action" }, label);
  const result = h("span", { class: "outcome", role: "status", "aria-live": "polite" });
  if (!hasWallet()) button.title = "Needs a browser wallet";
  button.addEventListener("click", async () => {
    button.disabled = true;
    result.className = "outcome";
    result.textContent = "Waiting for the wallet…";
    let outcome: Outcome;
    try {
      if (!connectedAccount()) await connect();
      const { to, data } = await target();
      outcome = await send(to, data);
    } catch (e) {
      outcome = { ok: false, reason: (e as Error).message };
    }
    if (outcome.ok) {
      rerender(`${done}: transaction ${outcome.hash} confirmed in block ${outcome.block}.`);
      return;
    }
    button.disabled = false;
    result.className = "outcome error";
    result.setAttribute("role", "alert");
    result.textContent = `${label} failed: ${outcome.reason}`;
  });
  return h("span", { class: "act" }, button, " ", result);
}
