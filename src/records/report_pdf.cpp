// src/records/report_pdf.cpp
//
// The duty report as an A4 PDF: cairo's PDF surface, text laid out by Pango with the Noto
// CJK font (fonts-noto-cjk), paginated line by line so no line is cut at a page break.
// Called on the worker pool (it takes tens of milliseconds), never on a network thread.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <stdexcept>

#include "records/records.hpp"

namespace tongxin::records {

namespace {

constexpr double kWidth = 595.0;  // A4 in points
constexpr double kHeight = 842.0;
constexpr double kMargin = 64.0;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontDeleter {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

std::unique_ptr<PangoLayout, LayoutDeleter> layout(cairo_t* cr, const std::string& text,
                                                   const char* font, PangoAlignment align) {
  std::unique_ptr<PangoLayout, LayoutDeleter> l(pango_cairo_create_layout(cr));
  std::unique_ptr<PangoFontDescription, FontDeleter> f(pango_font_description_from_string(font));
  pango_layout_set_font_description(l.get(), f.get());
  pango_layout_set_width(l.get(), static_cast<int>((kWidth - 2 * kMargin) * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l.get(), align);
  pango_layout_set_spacing(l.get(), static_cast<int>(6 * PANGO_SCALE));
  pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
  return l;
}

void page_number(cairo_t* cr, int page) {
  const auto l =
      layout(cr, "— " + std::to_string(page) + " —", "Noto Sans CJK SC 9", PANGO_ALIGN_CENTER);
  cairo_move_to(cr, kMargin, kHeight - kMargin / 2 - 6);
  pango_cairo_show_layout(cr, l.get());
}

}  // namespace

std::string render_report_pdf(const std::string& title, const std::string& subtitle,
                              const std::string& text) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, kWidth, kHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Tongxin 同心");
  cairo_t* cr = cairo_create(surface);
  int page = 1;
  double y = kMargin;
  {
    const auto t = layout(cr, title, "Noto Serif CJK SC Bold 18", PANGO_ALIGN_CENTER);
    cairo_move_to(cr, kMargin, y);
    pango_cairo_show_layout(cr, t.get());
    int w = 0, h = 0;
    pango_layout_get_pixel_size(t.get(), &w, &h);
    y += h + 8;
    const auto s = layout(cr, subtitle, "Noto Sans CJK SC 10", PANGO_ALIGN_CENTER);
    cairo_move_to(cr, kMargin, y);
    pango_cairo_show_layout(cr, s.get());
    pango_layout_get_pixel_size(s.get(), &w, &h);
    y += h + 24;
  }
  const auto body = layout(cr, text, "Noto Serif CJK SC 12", PANGO_ALIGN_LEFT);
  PangoLayoutIter* iter = pango_layout_get_iter(body.get());
  double page_offset = 0;  // layout y of the first line on this page, minus where it goes
  bool first_line = true;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
    const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
    if (first_line) {
      page_offset = line_top - y;
      first_line = false;
    }
    if (line_top - page_offset + line_height > kHeight - kMargin) {
      page_number(cr, page);
      cairo_show_page(cr);
      ++page;
      page_offset = line_top - kMargin;
    }
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    const int baseline = pango_layout_iter_get_baseline(iter);
    cairo_move_to(cr, kMargin + static_cast<double>(logical.x) / PANGO_SCALE,
                  static_cast<double>(baseline) / PANGO_SCALE - page_offset);
    pango_cairo_show_layout_line(cr, line);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  page_number(cr, page);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const auto status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("PDF rendering failed");
  return out;
}

}  // namespace tongxin::records
