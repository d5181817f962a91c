// Browser end-to-end test: a privacy officer adds a supporting document on chapter 5's
// editor page, sees the AP's request not to include personal data of the people
// affected, downloads the document (the same bytes), is told on the page why a
// program file is refused, finds the change in the breach's history and removes the
// document. Runs the built breachdesk binary on a temporary SQLite database in
// Debian's headless chromium driven by playwright-core.
//
// Usage: node attachments.test.js <path to breachdesk> [artifact dir]
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
const email = "officer@documenten.example";
const password = "Een lang en geheim wachtwoord 2026";
const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n%"), Buffer.from([...Array(256).keys()]), Buffer.from("\n%%EOF\n")]);

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

async function run(page, base) {
  await page.goto(`${base}/breaches`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL(`${base}/breaches`);

  await page.getByRole("link", { name: "Meld een datalek" }).first().click();
  await page.getByLabel("Wat is er gebeurd?").fill("Laptop met verslagen in de trein laten liggen.");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await page.waitForURL(/\/breaches\/[^/?]+\?reported=1$/);
  const breachUrl = page.url().replace(/\?.*$/, "");

  // Chapter 5: the documents section under the form, with the AP's request.
  await page.goto(`${breachUrl}/chapters/5`);
  const section = page.locator("#attachments");
  await section.getByRole("heading", { name: "Ondersteunende documentatie" }).waitFor();
  await section.getByText("geen persoonsgegevens op te nemen").waitFor();
  await section.getByText("Er zijn nog geen documenten toegevoegd.").waitFor();
  await page.getByLabel("Bestand").setInputFiles({ name: "Tijdlijn incident.pdf", mimeType: "application/pdf", buffer: pdf });
  await section.getByRole("button", { name: "Document toevoegen" }).click();
  await page.waitForURL(/\/chapters\/5\?attachment_added=1#attachments$/);
  await section.getByText("Het document is toegevoegd").waitFor();
  const link = section.getByRole("link", { name: "Tijdlijn incident.pdf" });
  await link.waitFor();
  await page.screenshot({ path: path.join(artifacts, "e2e-attachments-chapter5.png"), fullPage: true });

  // The download is the same bytes under the same name.
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "Tijdlijn incident.pdf");
  const saved = path.join(artifacts, "e2e-downloaded.pdf");
  await download.saveAs(saved);
  assert.ok(fs.readFileSync(saved).equals(pdf), "the downloaded document differs from the uploaded one");

  // A program is refused with the reason on the page, and nothing is added.
  await page.getByLabel("Bestand").setInputFiles({ name: "factuur.pdf", mimeType: "application/pdf",
                                                   buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) });
  await section.getByRole("button", { name: "Document toevoegen" }).click();
  await page.getByText("Dit soort bestand kan niet worden toegevoegd").waitFor();
  assert.equal(await page.locator('[data-test="attachment"]').count(), 1);
  await page.screenshot({ path: path.join(artifacts, "e2e-attachments-refused.png"), fullPage: true });

  // The breach page lists it too, and the history says what changed.
  await page.goto(breachUrl);
  await page.getByRole("link", { name: "Tijdlijn incident.pdf" }).waitFor();
  await page.getByText("Document toegevoegd: Tijdlijn incident.pdf").waitFor();

  // Remove it again from the breach page.
  await page.locator("#attachments").getByRole("button", { name: "Verwijderen: Tijdlijn incident.pdf" }).click();
  await page.waitForURL(/\?attachment_removed=1#attachments$/);
  await page.getByText("Het document is verwijderd").waitFor();
  await page.locator("#attachments").getByText("Er zijn nog geen documenten toegevoegd.").waitFor();
  await page.getByText("Document verwijderd: Tijdlijn incident.pdf").waitFor();
}

async function main() {
  assert.ok(binary && fs.existsSync(binary), "usage: node attachments.test.js <breachdesk> [artifacts]");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bd-e2e-att-"));
  const db = `sqlite:${path.join(tmp, "bd.db")}`;
  cli(db, ["migrate"]);
  cli(db, ["org", "add", "Documenten E2E"]);
  cli(db, ["user", "add", "--org", "Documenten E2E", "--email", email, "--role", "privacy_officer",
           "--name", "Privacy Officer"], password + "\n");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(binary, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`, "--workers", "2"],
                       { stdio: ["ignore", "inherit", "inherit"] });
  let context;
  try {
    await waitForServer(base, server);
    context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"],
      viewport: { width: 1280, height: 900 },
      locale: "nl-NL",
      timezoneId: "Europe/Amsterdam",
      acceptDownloads: true,
      timeout: 60000,
    });
    context.setDefaultTimeout(15000);
    const page = context.pages()[0] || await context.newPage();
    await run(page, base);
    console.log("e2e: add, download, refuse, history and remove a supporting document: ok");
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
