// Browser end-to-end test: a privacy officer adds a supporting document on chapter 5's
// editor page, sees the AP's request not to include personal data of the people
// affected, downloads the document (the same bytes), is told on the page why a
// program file is refused, finds the change in the breach's history and removes the
// document. Runs the built breachdesk binary on a temporary SQLite database in
// Debian's headless chromium driven by playwright-core.
//
// Usage: node attachments.test.js <path to breachdesk> [artifact dir]
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const assert = require("node:assert/strict");
const { withBreachdesk, logIn, runTest } = require("./support");

const binary = process.argv[2];
const artifacts = process.argv[3] || require("node:os").tmpdir();
const email = "officer@documenten.example";
const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n%"), Buffer.from([...Array(256).keys()]), Buffer.from("\n%%EOF\n")]);

async function run(page, base) {
  await logIn(page, base, email);

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
  const browser = { locale: "nl-NL", timezoneId: "Europe/Amsterdam", acceptDownloads: true };
  await withBreachdesk({ binary, name: "Documenten E2E", email, browser }, async ({ base, page }) => {
    await run(page, base);
    console.log("e2e: add, download, refuse, history and remove a supporting document: ok");
  });
}

runTest(main);
