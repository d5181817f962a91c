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

const path = require("node:path");
const assert = require("node:assert/strict");
const { withBreachdesk, logIn, runTest } = require("./support");

const binary = process.argv[2];
const artifacts = process.argv[3] || require("node:os").tmpdir();
const email = "fg@zorg-e2e.example";

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
  await logIn(page, base, email);
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
  await withBreachdesk({ binary, name: "Zorggroep E2E", email }, async ({ base, page, cli }) => {
    const token = cli(["token", "create", "--email", email, "--name", "e2e"]).trim().split(/\s+/).pop();
    const breachId = await createCareBreach(base, token);
    await run(page, base, breachId);
    console.log("e2e workflow: proposal, unknown fact filled in, override with reason, filed with meldnummer, " +
                "print, dashboard: ok");
  });
}

runTest(main);
