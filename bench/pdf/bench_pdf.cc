// Time to build and render the AP notification of a fully answered breach: print HTML
// and PDF (pango/cairo, two layout passes), in milliseconds of wall and thread CPU
// time. The first render (font loading) is reported apart from the steady state.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "notify/ap_notification.h"

namespace {

using bd::model::Answers;
using Strings = std::vector<std::string>;

bd::model::Breach breach() {
  bd::model::Breach b;
  b.id = "bench";
  b.reference = "2026-0001";
  b.title = "Onbeveiligde webserver";
  b.answers = {{"meta.kind", std::string("initial")}, {"meta.status", std::string("final")},
               {"org.name", std::string("Stichting Thuiszorg Midden-Gelderland")},
               {"time.discovered", std::string("2018-03-28T10:00:00+02:00")},
               {"breach.nature", Strings{"confidentiality"}},
               {"breach.incident_type", std::string("authorisation_misconfigured")},
               {"breach.summary", std::string(3000, 'a') + " samenvatting"},
               {"data.general", Strings{"name", "address", "bsn", "financial", "birth_date_or_age", "email"}},
               {"data.special", Strings{}}, {"data.records", std::int64_t{12000}},
               {"subjects.groups", Strings{"customers", "employees"}}, {"subjects.count_known", true},
               {"subjects.count", std::int64_t{11000}}, {"protection.measures", Strings{"none"}},
               {"followup.measures", std::string("Webserver offline gehaald; beveiliging op orde. ") + std::string(2000, 'm')}};
  return b;
}

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

}  // namespace

int main() {
  const auto b = breach();
  const bd::notify::BuildOptions options{bd::model::Language::kNl, bd::TimePoint{}, nullptr, 72};
  double t0 = now_ms();
  auto first = bd::notify::render_pdf(bd::notify::build_ap_notification(b, options));
  const double first_ms = now_ms() - t0;
  if (!first.ok()) return 1;
  std::vector<double> wall, cpu;
  std::size_t bytes = 0;
  for (int i = 0; i < 20; ++i) {
    t0 = now_ms();
    const double c0 = cpu_ms();
    auto pdf = bd::notify::render_pdf(bd::notify::build_ap_notification(b, options));
    cpu.push_back(cpu_ms() - c0);
    wall.push_back(now_ms() - t0);
    bytes = pdf.ok() ? pdf->size() : 0;
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  t0 = now_ms();
  std::size_t html = 0;
  for (int i = 0; i < 200; ++i) html += bd::notify::render_print_html(bd::notify::build_ap_notification(b, options)).size();
  const double html_ms = (now_ms() - t0) / 200;
  std::printf("bench/pdf: AP notification of a fully answered breach (%zu bytes PDF)\n", bytes);
  std::printf("  first PDF (fonts loaded)       %8.1f ms\n", first_ms);
  std::printf("  PDF median wall / thread CPU   %8.1f ms / %.1f ms   (target < 100 ms)\n", wall[wall.size() / 2],
              cpu[cpu.size() / 2]);
  std::printf("  PDF worst of 20 (wall)         %8.1f ms\n", wall.back());
  std::printf("  print HTML (build + render)    %8.3f ms  (%zu bytes)\n", html_ms, html / 200);
  return 0;
}
