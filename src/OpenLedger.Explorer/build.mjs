// Bundles the explorer into dist/: one script (TypeScript and @noble/hashes compiled in), the stylesheet and the page.
// The node copies dist/ beside its binary as explorer/ (src/OpenLedger.Node/OpenLedger.Node.csproj).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  outfile: "dist/explorer.js",
  logLevel: "warning",
});
copyFileSync("src/index.html", "dist/index.html");
copyFileSync("src/style.css", "dist/style.css");
