// What every browser test needs: a fresh breachdesk (the built binary on a temporary
// SQLite database and a free loopback port) with one organisation and one privacy
// officer, and Debian's headless chromium driven by playwright-core (never a browser
// download). withBreachdesk() owns all of it and removes it again, also when the test
// fails.
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch (e) {
  console.error("playwright-core is missing: run scripts/install-deps (npm ci in tests/e2e)");
  process.exit(1);
}

const password = "Een lang en geheim wachtwoord 2026";

// Runs a breachdesk subcommand on `db`; its stdout, or an Error with its stderr.
function runCli(binary, db, args, input) {
  const r = spawnSync(binary, ["--db", db, ...args], { input: input || "", encoding: "utf8" });
  if (r.status !== 0) throw new Error(`breachdesk ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(base, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch (e) { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

function launchBrowser(profileDir, browserOptions) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
    timeout: 60000,
    ...browserOptions,
  });
}

// Logs the officer in through the login page; ends on the register.
async function logIn(page, base, email) {
  await page.goto(`${base}/breaches`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL(`${base}/breaches`);
}

// options: binary, name (of the temp dir and the organisation), email, and browser
// (playwright context options on top of the defaults, e.g. locale, acceptDownloads).
// body({ base, page, cli, email, password }) runs with the server up and the browser
// open; cli(args, input) runs a subcommand on the same database.
async function withBreachdesk(options, body) {
  const { binary, name, email } = options;
  if (!binary || !fs.existsSync(binary)) throw new Error("usage: node <test>.js <path to breachdesk> [artifact dir]");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `bd-e2e-${name.toLowerCase().replace(/\W+/g, "-")}-`));
  const db = `sqlite:${path.join(tmp, "bd.db")}`;
  const cli = (args, input) => runCli(binary, db, args, input);
  cli(["migrate"]);
  cli(["org", "add", name]);
  cli(["user", "add", "--org", name, "--email", email, "--role", "privacy_officer", "--name", "Privacy Officer"],
      password + "\n");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(binary, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`, "--workers", "2"],
                       { stdio: ["ignore", "inherit", "inherit"] });
  let context;
  try {
    await waitForServer(base, server);
    context = await launchBrowser(path.join(tmp, "profile"), options.browser || {});
    context.setDefaultTimeout(15000);
    const page = context.pages()[0] || await context.newPage();
    await body({ base, page, cli, email, password });
  } finally {
    if (context) await context.close();
    server.kill("SIGTERM");
    await new Promise((r) => server.exitCode !== null ? r() : server.once("exit", r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Runs main() and turns a failure into exit code 1 with the error on stderr.
function runTest(main) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { withBreachdesk, logIn, runTest, password };
