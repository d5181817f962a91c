// PDF of the AP notification with pango/cairo: A4, DejaVu Sans, a heading per chapter,
// long answers wrapped and split across pages line by line, "Pagina X van Y" in the
// footer. Laid out once into per-page recordings, then replayed with the page count.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "notify/ap_notification.h"
#include "notify/ap_texts.h"

namespace bd::notify {
namespace {

namespace t = texts;

struct SurfaceFree { void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); } };
struct CairoFree { void operator()(cairo_t* c) const { cairo_destroy(c); } };
struct LayoutFree { void operator()(PangoLayout* l) const { g_object_unref(l); } };
struct FontFree { void operator()(PangoFontDescription* f) const { pango_font_description_free(f); } };
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using Cairo = std::unique_ptr<cairo_t, CairoFree>;
using Layout = std::unique_ptr<PangoLayout, LayoutFree>;
using Font = std::unique_ptr<PangoFontDescription, FontFree>;

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
constexpr double kLeft = 50, kRight = 50, kTop = 54, kBottom = 64;
constexpr double kContentWidth = kPageWidth - kLeft - kRight;

enum Style { kH1, kH2, kBody, kLabel, kAnswer, kUnknown, kSmall, kStyleCount };

struct StyleSpec {
  const char* font;
  double r, g, b;
};
constexpr std::array<StyleSpec, kStyleCount> kStyles{{{"DejaVu Sans Bold 15", 0.07, 0.07, 0.07},
                                                      {"DejaVu Sans Bold 12", 0.12, 0.23, 0.37},
                                                      {"DejaVu Sans 9.5", 0.1, 0.1, 0.1},
                                                      {"DejaVu Sans Bold 9.5", 0.07, 0.07, 0.07},
                                                      {"DejaVu Sans 9.5", 0.07, 0.07, 0.07},
                                                      {"DejaVu Sans Oblique 9.5", 0.42, 0.45, 0.5},
                                                      {"DejaVu Sans 7.5", 0.33, 0.33, 0.33}}};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Places text blocks on pages. Each page is drawn into a cairo recording surface in a
// single layout pass; finish() replays the pages onto the PDF with "Pagina X van Y",
// now that Y is known, so the text is shaped only once.
class Pager {
 public:
  Pager(cairo_t* pdf, Language language) : pdf_(pdf), language_(language) {
    for (int s = 0; s < kStyleCount; ++s) {
      layouts_[s].reset(pango_cairo_create_layout(pdf));
      Font font(pango_font_description_from_string(kStyles[s].font));
      pango_layout_set_font_description(layouts_[s].get(), font.get());
      pango_layout_set_wrap(layouts_[s].get(), PANGO_WRAP_WORD_CHAR);
    }
    new_page();
  }

  void block(std::string_view text, Style style, double space_before, double indent = 0) {
    PangoLayout* layout = layouts_[style].get();
    pango_layout_set_width(layout, static_cast<int>((kContentWidth - indent) * PANGO_SCALE));
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    y_ += space_before;
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double height = logical.height / double(PANGO_SCALE);
      const double baseline = (pango_layout_iter_get_baseline(iter) - logical.y) / double(PANGO_SCALE);
      if (y_ + height > kPageHeight - kBottom) new_page();
      const auto& spec = kStyles[style];
      cairo_set_source_rgb(page_.get(), spec.r, spec.g, spec.b);
      cairo_move_to(page_.get(), kLeft + indent, y_ + baseline);
      pango_cairo_show_layout_line(page_.get(), pango_layout_iter_get_line_readonly(iter));
      y_ += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  // Starts a new page unless `needed` points still fit (keeps headings with content).
  void keep(double needed) {
    if (y_ + needed > kPageHeight - kBottom) new_page();
  }

  void rule(double r, double g, double b) {
    cairo_set_source_rgb(page_.get(), r, g, b);
    cairo_set_line_width(page_.get(), 1.2);
    cairo_move_to(page_.get(), kLeft, y_ + 2);
    cairo_line_to(page_.get(), kPageWidth - kRight, y_ + 2);
    cairo_stroke(page_.get());
    y_ += 4;
  }

  // Replays every page onto the PDF with its footer.
  void finish() {
    page_.reset();
    const int total = static_cast<int>(pages_.size());
    for (int i = 0; i < total; ++i) {
      cairo_set_source_surface(pdf_, pages_[static_cast<std::size_t>(i)].get(), 0, 0);
      cairo_paint(pdf_);
      footer(i + 1, total);
      cairo_show_page(pdf_);
    }
  }

 private:
  void new_page() {
    const cairo_rectangle_t extents{0, 0, kPageWidth, kPageHeight};
    pages_.emplace_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    page_.reset(cairo_create(pages_.back().get()));
    y_ = kTop;
  }

  void footer(int page, int total) {
    const std::string text = std::string(t::kPage(language_)) + " " + std::to_string(page) + " " +
                              std::string(t::kOf(language_)) + " " + std::to_string(total);
    PangoLayout* layout = layouts_[kSmall].get();
    pango_layout_set_width(layout, -1);
    cairo_set_source_rgb(pdf_, 0.33, 0.33, 0.33);
    pango_layout_set_text(layout, t::kFooter(language_).data(), static_cast<int>(t::kFooter(language_).size()));
    cairo_move_to(pdf_, kLeft, kPageHeight - kBottom + 22);
    pango_cairo_show_layout(pdf_, layout);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    cairo_move_to(pdf_, kPageWidth - kRight - logical.width, kPageHeight - kBottom + 34);
    pango_cairo_show_layout(pdf_, layout);
  }

  cairo_t* pdf_;
  Language language_;
  double y_ = kTop;
  std::array<Layout, kStyleCount> layouts_;
  std::vector<Surface> pages_;
  Cairo page_;
};

void meta_line(Pager& p, std::string_view label, std::string_view value) {
  p.block(std::string(label) + ": " + std::string(value), kBody, 1.5);
}

void header(Pager& p, const ApNotification& n) {
  const Language l = n.language;
  p.block(t::kTitle(l), kH1, 0);
  p.block(t::kIntro(l), kBody, 4);
  p.block("", kSmall, 0);
  if (!n.organisation.empty()) meta_line(p, t::kOrganisation(l), n.organisation);
  if (!n.reference.empty()) meta_line(p, t::kReference(l), n.reference);
  if (!n.title.empty()) meta_line(p, t::kBreachTitle(l), n.title);
  meta_line(p, t::kKind(l), n.kind_label);
  meta_line(p, t::kStatus(l), n.status_label);
  meta_line(p, t::kApReference(l), n.ap_reference.empty() ? t::kNotYet(l) : std::string_view(n.ap_reference));
  meta_line(p, t::kSubmittedAt(l), n.submitted_at.empty() ? t::kNotYet(l) : std::string_view(n.submitted_at));
  if (!n.previous.empty()) meta_line(p, t::kPrevious(l), n.previous);
  meta_line(p, t::kGeneratedAt(l), n.generated_at);
}

void missing_and_changes(Pager& p, const ApNotification& n) {
  const Language l = n.language;
  if (n.missing.empty()) {
    p.block(t::kComplete(l), kLabel, 10);
  } else {
    p.keep(60);
    p.block(t::kMissingTitle(l), kH2, 12);
    for (const auto& m : n.missing) p.block("• " + std::string(m.label) + " (" + std::string(m.required_by) + ")", kBody, 1.5, 8);
  }
  if (n.kind == NotificationKind::kInitial) return;
  p.keep(60);
  p.block(std::string(t::kChangesTitle(l)) + (n.previous.empty() ? "" : " (" + n.previous + ")"), kH2, 12);
  if (n.changes.empty()) p.block(t::kNoChanges(l), kBody, 2);
  for (const auto& c : n.changes) {
    p.block(c.label, kLabel, 5);
    p.block(std::string(t::kBefore(l)) + ": " + c.before, kAnswer, 1, 8);
    p.block(std::string(t::kAfter(l)) + ": " + c.after, kAnswer, 1, 8);
  }
}

void chapters(Pager& p, const ApNotification& n) {
  for (const auto& c : n.chapters) {
    p.keep(70);
    p.block(std::to_string(c.number) + " " + std::string(c.title), kH2, 14);
    p.rule(0.12, 0.23, 0.37);
    for (const auto& item : c.items) {
      std::string label(item.label);
      if (item.changed) label += "  [" + std::string(t::kChanged(n.language)) + "]";
      p.keep(30);
      p.block(label, kLabel, 5);
      p.block(item.answer, item.known ? kAnswer : kUnknown, 1, 8);
    }
  }
}

void lay_out(Pager& p, const ApNotification& n) {
  header(p, n);
  missing_and_changes(p, n);
  chapters(p, n);
}

}  // namespace

Result<std::string> render_pdf(const ApNotification& n) {
  std::string pdf;
  Surface surface(cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageWidth, kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error::internal(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  const std::string title = std::string(t::kTitle(n.language)) + (n.reference.empty() ? "" : " " + n.reference);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "breachdesk");
  Cairo cr(cairo_create(surface.get()));
  {
    Pager pager(cr.get(), n.language);
    lay_out(pager, n);
    pager.finish();
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error::internal(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  surface.reset();
  return pdf;
}

}  // namespace bd::notify
