// Print view of the AP notification: one self-contained HTML page (inline CSS, no
// scripts, no external resources) laid out for A4.
#include <string>

#include "notify/ap_notification.h"
#include "notify/ap_texts.h"
#include "notify/html_writer.h"

namespace bd::notify {
namespace {

namespace t = texts;

constexpr std::string_view kCss = R"css(
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #1f3a5f; color: #1f3a5f;
     break-after: avoid; page-break-after: avoid; }
p.intro { margin: 0 0 8pt; color: #333; }
table { border-collapse: collapse; width: 100%; }
table.meta th { text-align: left; width: 32%; font-weight: bold; padding: 2pt 6pt 2pt 0; vertical-align: top; }
table.meta td { padding: 2pt 0; }
table.changes th, table.changes td { border: 0.5pt solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
section.missing { border: 1pt solid #b45309; background: #fff7ed; padding: 4pt 8pt; margin: 8pt 0; }
section.missing h2 { color: #b45309; border: none; margin-top: 2pt; }
section.complete { border: 1pt solid #15803d; padding: 4pt 8pt; margin: 8pt 0; }
dl { margin: 0; }
div.q { padding: 3pt 0 4pt; border-bottom: 0.5pt solid #ddd; break-inside: avoid; page-break-inside: avoid; }
dt { font-weight: bold; }
dt small { font-weight: normal; color: #666; font-size: 8pt; margin-left: 4pt; }
dd { margin: 1pt 0 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
div.unknown dd { color: #6b7280; font-style: italic; }
div.changed { border-left: 3pt solid #b45309; padding-left: 5pt; }
span.tag { font-size: 8pt; color: #b45309; font-weight: normal; margin-left: 4pt; }
footer { margin-top: 14pt; font-size: 8pt; color: #555; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }
)css";

void meta_row(HtmlWriter& w, std::string_view label, std::string_view value) {
  w.open("tr").element("th", label).element("td", value).close("tr").newline();
}

void header(HtmlWriter& w, const ApNotification& n) {
  const Language l = n.language;
  w.open("header").element("h1", t::kTitle(l)).element("p", t::kIntro(l), {{"class", "intro"}}).newline();
  w.open("table", {{"class", "meta"}}).newline();
  if (!n.organisation.empty()) meta_row(w, t::kOrganisation(l), n.organisation);
  if (!n.reference.empty()) meta_row(w, t::kReference(l), n.reference);
  if (!n.title.empty()) meta_row(w, t::kBreachTitle(l), n.title);
  meta_row(w, t::kKind(l), n.kind_label);
  meta_row(w, t::kStatus(l), n.status_label);
  meta_row(w, t::kApReference(l), n.ap_reference.empty() ? t::kNotYet(l) : std::string_view(n.ap_reference));
  meta_row(w, t::kSubmittedAt(l), n.submitted_at.empty() ? t::kNotYet(l) : std::string_view(n.submitted_at));
  if (!n.previous.empty()) meta_row(w, t::kPrevious(l), n.previous);
  meta_row(w, t::kGeneratedAt(l), n.generated_at);
  w.close("table").close("header").newline();
}

void missing(HtmlWriter& w, const ApNotification& n) {
  const Language l = n.language;
  if (n.missing.empty()) {
    w.open("section", {{"class", "complete"}}).element("p", t::kComplete(l)).close("section").newline();
    return;
  }
  w.open("section", {{"class", "missing"}}).element("h2", t::kMissingTitle(l)).open("ul").newline();
  for (const auto& m : n.missing) {
    w.open("li").text(m.label).text(" ").element("small", "(" + std::string(m.required_by) + ")").close("li").newline();
  }
  w.close("ul").close("section").newline();
}

void changes(HtmlWriter& w, const ApNotification& n) {
  const Language l = n.language;
  if (n.kind == NotificationKind::kInitial) return;
  std::string title(t::kChangesTitle(l));
  if (!n.previous.empty()) title += " (" + n.previous + ")";
  w.open("section", {{"class", "changes"}}).element("h2", title);
  if (n.changes.empty()) {
    w.element("p", t::kNoChanges(l)).close("section").newline();
    return;
  }
  w.open("table", {{"class", "changes"}}).open("tr").element("th", t::kQuestion(l)).element("th", t::kBefore(l));
  w.element("th", t::kAfter(l)).close("tr").newline();
  for (const auto& c : n.changes) {
    w.open("tr").element("td", c.label).element("td", c.before).element("td", c.after).close("tr").newline();
  }
  w.close("table").close("section").newline();
}

void chapter(HtmlWriter& w, const NotificationChapter& c, Language l) {
  w.open("section", {{"class", "chapter"}, {"id", "chapter-" + std::to_string(c.number)}});
  w.element("h2", std::to_string(c.number) + " " + std::string(c.title)).open("dl").newline();
  for (const auto& item : c.items) {
    std::string cls = "q";
    if (!item.known) cls += " unknown";
    if (item.changed) cls += " changed";
    w.open("div", {{"class", cls}, {"data-id", item.id}}).open("dt").text(item.label);
    w.element("small", item.id);
    if (item.changed) w.element("span", t::kChanged(l), {{"class", "tag"}});
    w.close("dt").element("dd", item.answer).close("div").newline();
  }
  w.close("dl").close("section").newline();
}

}  // namespace

std::string render_print_html(const ApNotification& n) {
  HtmlWriter w;
  const std::string_view lang = n.language == Language::kNl ? "nl" : "en";
  w.raw("<!DOCTYPE html>\n").open("html", {{"lang", lang}}).open("head").raw("<meta charset=\"utf-8\">");
  std::string title(t::kTitle(n.language));
  if (!n.reference.empty()) title += " — " + n.reference;
  w.element("title", title).open("style").raw(kCss).close("style").close("head").newline().open("body").newline();
  header(w, n);
  missing(w, n);
  changes(w, n);
  for (const auto& c : n.chapters) chapter(w, c, n.language);
  w.element("footer", t::kFooter(n.language)).newline().close("body").close("html").newline();
  return w.take();
}

}  // namespace bd::notify
