// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Small pieces shared by the report's SVG pictures: the outer element, text widths, and a flow
/// layout for legends. Private to parley_io.

#include <string>
#include <utility>

namespace parley::svg {

/// Roughly how wide `text` is at `size` px in a sans-serif font (for layout, not typesetting).
double text_width(const std::string& text, double size);

/// The outer <svg> with xmlns, role="img", <title id="ID-title"> and <desc id="ID-desc"> (plain
/// text, escaped here), a white background and `body`.
std::string frame(const std::string& id, double width, double height, const std::string& title,
                  const std::string& description, const std::string& body);

/// Places items left to right, wrapping onto a new line at `right`.
class Flow {
 public:
  Flow(double left, double top, double right, double line)
      : left_(left), right_(right), line_(line), x_(left), y_(top) {}
  /// Where an item `width` wide goes: its left end and text baseline.
  std::pair<double, double> place(double width);
  void gap(double width) { x_ += width; }
  [[nodiscard]] double bottom() const { return y_ + line_ / 2; }

 private:
  double left_, right_, line_, x_, y_;
};

}  // namespace parley::svg
