// SPDX-License-Identifier: Apache-2.0
#include "svg_text.hpp"

#include <fmt/format.h>

#include "parley/io/report_document.hpp"

namespace parley::svg {

double text_width(const std::string& text, double size) {
  double units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation bytes belong to the character before
    units += (c >= 'A' && c <= 'Z') ? 0.66 : (c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l') ? 0.3 : 0.55;
  }
  return units * size;
}

std::string frame(const std::string& id, double width, double height, const std::string& title,
                  const std::string& description, const std::string& body) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:.0f} {1:.0f}\" width=\"{0:.0f}\" "
      "height=\"{1:.0f}\" role=\"img\" aria-labelledby=\"{2}-title {2}-desc\" "
      "font-family=\"Helvetica Neue, Arial, DejaVu Sans, sans-serif\">\n"
      "<title id=\"{2}-title\">{3}</title>\n<desc id=\"{2}-desc\">{4}</desc>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{5}</svg>",
      width, height, id, report::html_escape(title), report::html_escape(description), body);
}

std::pair<double, double> Flow::place(double width) {
  if (x_ > left_ && x_ + width > right_) {
    x_ = left_;
    y_ += line_;
  }
  const std::pair<double, double> at{x_, y_};
  x_ += width + 14;
  return at;
}

}  // namespace parley::svg
