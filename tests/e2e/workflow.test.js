// Browser end-to-end test of the workflow: an officer opens the care organisation's
// breach (seeds/000, entered through the API), sees the engine's proposal with the
// reasons naming the BSN and payment data, fills in an unknown fact through the link
// to its question in chapter 11, overrides the proposal with a written reason,
// prepares the AP notification, marks it filed with a meldnummer, prints it and
// finds the deadline dashboard. Runs the built breachdesk binary on a temporary
// SQLite database and a free port, in Debian's headless chromium via playwright-core.
//
// Usage: node workflow.test.js <path to breachdesk> [artifact dir]
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const assert = require("node:assert/strict");

let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch (e) {
  console.error("playwright-core is missing: run scripts/install-deps (npm ci in tests/e2e)");
  process.exit(1);
}

const binary = process.argv[2];
const artifacts = process.argv[3] || os.tmpdir();
const email = "fg@zorg-e2e.example";
const password = "Een lang en geheim wachtwoord 2026";

function cli(db, args, input) {
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

// ISO 8601 in Europe/Amsterdam for "hours ago" (the offset from Intl).
function amsterdamIso(hoursAgo) {
  const t = new Date(Date.now() - hoursAgo * 3600 * 1000);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "longOffset",
  }).formatToParts(t).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName.replace("GMT", "") || "+00:00";
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

async function createCareBreach(base, token) {
  const answers = {
    "org.name": "Zorggroep E2E", "breach.nature": ["confidentiality"],
    "breach.incident_type": "authorisation_misconfigured",
    "breach.summary": "Een webserver was onbeveiligd; NAW-gegevens, BSN en betalingsgegevens van cliënten waren toegankelijk.",
    "data.general": ["name", "address", "bsn", "financial", "birth_date_or_age", "email"], "data.special": [],
    "subjects.groups": ["customers", "employees"], "protection.measures": ["none"],
    "time.discovered": amsterdamIso(3), "followup.measures": "Webserver direct offline gehaald.",
    "assess.malicious": false, "assess.exfiltrated": false, "assess.recipients": "unknown_number",
    "assess.controller_context": "care_provider",
  };
  const r = await fetch(`${base}/api/v1/breaches`, {
    method: "POST",
    headers: { "Authorization": `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Onbeveiligde webserver e2e", answers }),
  });
  const body = await r.json();
  assert.equal(r.status, 201, JSON.stringify(body));
  return body.id;
}

async function run(page, base, breachId) {
  await page.goto(`${base}/breaches/${breachId}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL(/\/breaches/);
  await page.goto(`${base}/breaches/${breachId}`);

  // The proposal: notify the AP and inform the people, reasons naming BSN and payment data.
  await page.getByRole("heading", { name: "Beoordeling en besluit" }).waitFor();
  assert.equal((await page.locator('[data-test="notify-ap"]').textContent()).trim(), "Ja");
  assert.equal((await page.locator('[data-test="inform-subjects"]').textContent()).trim(), "Ja");
  const reasons = await page.locator('[data-test="inform-reasons"]').textContent();
  assert.match(reasons, /BSN/);
  assert.match(reasons, /Betaal- of financiële gegevens/);
  await page.getByText("AP-melding uiterlijk").first().waitFor();
  await page.screenshot({ path: path.join(artifacts, "e2e-workflow-proposal.png"), fullPage: true });

  // An unknown that matters links to its question in chapter 11; answering it there
  // (the data were not recovered) takes it off the list and keeps the proposal.
  const unknown = page.locator('[data-test="unknowns"] a', { hasText: "teruggegeven" });
  await unknown.click();
  await page.waitForURL(/\/chapters\/11#q-f-assess-data_recovered$/);
  await page.getByRole("heading", { name: /Beoordeling: feiten voor het voorstel/ }).waitFor();
  await page.locator("#f-assess-data_recovered-false").check();
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await page.waitForURL(/\/chapters\/11\?saved=1$/);
  await page.goto(`${base}/breaches/${breachId}`);
  assert.equal(await unknown.count(), 0, "the answered fact is no longer unknown");
  assert.equal((await page.locator('[data-test="inform-subjects"]').textContent()).trim(), "Ja");

  // Override without a reason is refused and keeps the choice; then with a reason.
  await page.getByLabel("Afwijken van het voorstel (melden bij de AP)").check();
  await page.locator("#inform_subjects").selectOption("no");
  await page.getByRole("button", { name: "Besluit vastleggen" }).click();
  await page.locator("#notice").waitFor();
  await page.locator("#reason").fill("Alle betrokkenen zijn al persoonlijk gebeld door de zorgverlener.");
  await page.getByRole("button", { name: "Besluit vastleggen" }).click();
  await page.waitForURL(/\?decided=1/);
  const decision = await page.locator('[data-test="decision"]').textContent();
  assert.match(decision, /Afgeweken van het voorstel/);
  assert.match(decision, /persoonlijk gebeld/);

  // Prepare the AP notification and mark it filed with a meldnummer.
  await page.locator("#notification-link").click();
  await page.waitForURL(/\/notification$/);
  await page.getByRole("button", { name: "Melding voorbereiden" }).click();
  await page.waitForURL(/\/notification\?saved=1$/);
  await page.getByLabel("Meldnummer").fill("M-E2E-2026-0042");
  await page.getByRole("button", { name: "Vastleggen als ingediend" }).click();
  await page.waitForURL(/\/notification\?saved=1$/);
  await page.locator(".meldnummer", { hasText: "M-E2E-2026-0042" }).waitFor();
  await page.screenshot({ path: path.join(artifacts, "e2e-workflow-filed.png"), fullPage: true });

  // The print view carries the meldnummer and the form's chapters in order.
  const printHref = await page.getByRole("link", { name: "Afdrukken" }).first().getAttribute("href");
  const print = await page.context().request.get(`${base}${printHref}`);
  assert.equal(print.status(), 200);
  const html = await print.text();
  assert.ok(html.includes("M-E2E-2026-0042"), "the print view shows the meldnummer");

  // The breach is notified; the dashboard lists it.
  await page.goto(`${base}/breaches/${breachId}`);
  await page.getByText("Gemeld bij de AP").first().waitFor();
  await page.getByRole("link", { name: "Termijnen" }).first().click();
  await page.waitForURL(`${base}/deadlines`);
  await page.getByRole("link", { name: /\d{4}-\d{4}/ }).first().waitFor();
}

async function main() {
  assert.ok(binary && fs.existsSync(binary), "usage: node workflow.test.js <breachdesk> [artifacts]");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bd-e2e-wf-"));
  const db = `sqlite:${path.join(tmp, "bd.db")}`;
  cli(db, ["migrate"]);
  cli(db, ["org", "add", "Zorggroep E2E"]);
  cli(db, ["user", "add", "--org", "Zorggroep E2E", "--email", email, "--role", "privacy_officer", "--name", "FG"],
      password + "\n");
  const token = cli(db, ["token", "create", "--email", email, "--name", "e2e"]).trim().split(/\s+/).pop();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(binary, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`, "--workers", "2"],
                       { stdio: ["ignore", "inherit", "inherit"] });
  let context;
  try {
    await waitForServer(base, server);
    const breachId = await createCareBreach(base, token);
    context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"],
      viewport: { width: 1280, height: 900 },
      timeout: 60000,
    });
    context.setDefaultTimeout(15000);
    const page = context.pages()[0] || await context.newPage();
    await run(page, base, breachId);
    console.log("e2e workflow: proposal, unknown fact filled in, override with reason, filed with meldnummer, " +
                "print, dashboard: ok");
  } finally {
    if (context) await context.close();
    server.kill("SIGTERM");
    await new Promise((r) => server.exitCode !== null ? r() : server.once("exit", r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
