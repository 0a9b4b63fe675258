import { ApiError } from "./api";
import { errorBox, h } from "./dom";
import { short } from "./format";
import { connect, connectedAccount, hasWallet } from "./wallet";
import { accountPage } from "./pages/account";
import { onRerender } from "./pages/actions";
import { epochPage } from "./pages/epoch";
import { modelPage } from "./pages/model";
import { modelsPage } from "./pages/models";
import { searchPage } from "./pages/search";
import { statusPage } from "./pages/status";

// The router: the part of the URL after # names the page, so the node serves one file for every page.

type Page = HTMLElement[] | string; // elements to show, or a location to go to instead

const routes: [RegExp, (...args: string[]) => Promise<Page>][] = [
  [/^\/?$/, modelsPage],
  [/^\/status$/, statusPage],
  [/^\/models\/([^/]+)$/, modelPage],
  [/^\/models\/([^/]+)\/epochs\/([^/]+)$/, epochPage],
  [/^\/accounts\/([^/]+)$/, accountPage],
  [/^\/search\/(.*)$/, searchPage],
];

const main = document.getElementById("main")!;
const notice = document.getElementById("notice")!;
let generation = 0;

async function render(message = ""): Promise<void> {
  const mine = ++generation;
  const path = decodeURIComponent(location.hash.replace(/^#/, "")) || "/";
  notice.textContent = message;
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(h("p", { class: "loading" }, "Loading…"));
  let page: Page;
  try {
    const route = routes.find(([pattern]) => pattern.test(path));
    if (!route) throw new ApiError(404, `there is no page ${path}`);
    page = await route[1](...path.match(route[0])!.slice(1));
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    page = [h("h1", {}, status === 404 ? "Not found" : status === 400 ? "Invalid input" : "Something went wrong"), errorBox((e as Error).message),
      h("p", {}, h("a", { href: "#/" }, "Back to the models"))];
  }
  if (mine !== generation) return; // a later navigation won
  if (typeof page === "string") {
    location.replace(page);
    return;
  }
  main.replaceChildren(...page);
  main.setAttribute("aria-busy", "false");
  document.title = `${main.querySelector("h1")?.textContent ?? "Explorer"} · OpenLedger explorer`;
}

function walletArea(): void {
  const area = document.getElementById("wallet")!;
  if (!hasWallet()) {
    area.replaceChildren(h("span", { class: "muted" }, "No wallet: reading only"));
    return;
  }
  const account = connectedAccount();
  if (account) {
    area.replaceChildren("Wallet ", h("a", { href: `#/accounts/${account}`, title: account, class: "mono" }, short(account)));
    return;
  }
  const button = h("button", { type: "button" }, "Connect wallet");
  button.addEventListener("click", async () => {
    try {
      await connect();
      walletArea();
    } catch (e) {
      area.append(errorBox((e as Error).message));
    }
  });
  area.replaceChildren(button);
}

document.getElementById("search")!.addEventListener("submit", event => {
  event.preventDefault();
  const input = document.getElementById("search-input") as HTMLInputElement;
  const query = input.value.trim();
  location.hash = `#/search/${encodeURIComponent(query)}`;
});

onRerender(message => {
  walletArea();
  void render(message);
});
window.addEventListener("hashchange", () => void render());
walletArea();
void render();
