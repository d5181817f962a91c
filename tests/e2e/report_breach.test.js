// Browser end-to-end test: a person logs in, reports a breach with the intake,
// completes two chapters of the AP form (with a conditional question revealed live),
// and finds the breach in the register. Runs the built breachdesk binary on a
// temporary SQLite database and a free port, in Debian's headless chromium driven
// by playwright-core (no browser download).
//
// Usage: node report_breach.test.js <path to breachdesk> [artifact dir]
"use strict";

const path = require("node:path");
const assert = require("node:assert/strict");
const { withBreachdesk, runTest, password } = require("./support");

const binary = process.argv[2];
const artifacts = process.argv[3] || require("node:os").tmpdir();
const email = "officer@zorg.example";

async function run(page, base) {
  // Log in.
  await page.goto(`${base}/breaches`);
  assert.match(page.url(), /\/login\?next=/);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.screenshot({ path: path.join(artifacts, "e2e-login.png") });
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL(`${base}/breaches`);
  await page.getByRole("heading", { name: "Register van datalekken" }).waitFor();

  // Report a breach.
  await page.getByRole("link", { name: "Meld een datalek" }).first().click();
  await page.waitForURL(`${base}/report`);
  await page.getByLabel("Wat is er gebeurd?").fill(
      "Webserver met cliëntgegevens stond open (kenmerk-e2e-zonnebloem). <script>alert(1)</script>");
  await page.locator("#discovered_date").fill("2026-01-15");
  await page.locator("#discovered_time").fill("09:30");
  await page.locator("#title").fill("Onbeveiligde webserver zonnebloem");
  await page.screenshot({ path: path.join(artifacts, "e2e-intake.png"), fullPage: true });
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await page.waitForURL(/\/breaches\/[^/?]+\?reported=1$/);
  const breachUrl = page.url().replace(/\?.*$/, "");
  await page.getByText("Uw melding is opgeslagen").waitFor();

  // Chapter 4 (timeline): time.end appears live once "ongoing" is answered "Nee".
  await page.locator('a[href$="/chapters/4"]').first().click();
  await page.waitForURL(/\/chapters\/4$/);
  const end = page.locator('[data-question="time.end"]');
  await page.locator("#f-time-ongoing-true").check();
  assert.equal(await end.isVisible(), false, "time.end must be hidden while the breach is ongoing");
  await page.locator("#f-time-ongoing-false").check();
  await end.waitFor({ state: "visible" });
  await page.locator("#f-time-start").fill("2026-01-10");
  await page.locator("#f-time-end").fill("2026-01-14");
  await page.locator("#f-time-how_discovered").fill("Een onderzoeker meldde het via het contactformulier.");
  await page.getByRole("button", { name: "Opslaan en volgende hoofdstuk" }).click();
  await page.waitForURL(/\/chapters\/5\?saved=1$/);

  // Chapter 5 (the breach): nature and incident type.
  await page.locator("#f-breach-nature-confidentiality").check();
  await page.locator("#f-breach-incident_type").selectOption("published_by_mistake");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await page.waitForURL(/\/chapters\/5\?saved=1$/);
  await page.getByText("Opgeslagen.").waitFor();
  await page.screenshot({ path: path.join(artifacts, "e2e-chapter5.png"), fullPage: true });

  // The breach page shows the history with old -> new values, escaped.
  await page.goto(breachUrl);
  await page.getByRole("heading", { name: "Geschiedenis" }).waitFor();
  const html = await page.content();
  assert.ok(!html.includes("<script>alert(1)</script>"), "stored text must be rendered escaped");
  assert.ok(html.includes("Een onderzoeker meldde het"), "chapter 4 answer is in the history");
  await page.screenshot({ path: path.join(artifacts, "e2e-breach.png"), fullPage: true });

  // Find it in the register: free text and the incident-type filter.
  await page.goto(`${base}/breaches`);
  await page.getByLabel("Zoeken").fill("zonnebloem");
  await page.locator("#f-type").selectOption("published_by_mistake");
  await page.getByRole("button", { name: "Toepassen" }).click();
  await page.waitForURL(/q=zonnebloem/);
  const row = page.getByRole("link", { name: "Onbeveiligde webserver zonnebloem" });
  await row.waitFor();
  await page.screenshot({ path: path.join(artifacts, "e2e-register.png"), fullPage: true });
  await page.locator("#f-type").selectOption("post_lost");
  await page.getByRole("button", { name: "Toepassen" }).click();
  await page.getByText("Er zijn geen datalekken die aan deze filters voldoen.").waitFor();

  // English is one switch away.
  await page.goto(`${base}/breaches?lang=en`);
  await page.getByRole("heading", { name: "Breach register" }).waitFor();
}

async function main() {
  const browser = { locale: "nl-NL", timezoneId: "Europe/Amsterdam" };
  await withBreachdesk({ binary, name: "Zorg E2E", email, browser }, async ({ base, page }) => {
    await run(page, base);
    // The same flow's register at phone width (320 px) must not overflow the page.
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${base}/breaches`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.screenshot({ path: path.join(artifacts, "e2e-register-320.png"), fullPage: true });
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 320px screen`);
    console.log("e2e: login, report, two chapters, register search: ok");
  });
}

runTest(main);
