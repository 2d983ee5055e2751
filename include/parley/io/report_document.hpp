// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A report as a plain document (headings, paragraphs, lists, tables, figures) and its two
/// renderings: one self-contained HTML page, and Markdown with the figures as separate SVG files.
/// Writing the report once as a document keeps the HTML and the Markdown saying the same thing.
///
/// Text is "markup", a small subset of Markdown that both renderers understand: `**strong**`,
/// `*emphasis*`, `` `code` ``, `[words](#anchor)` links inside the document, and backslash escapes.
/// Text from a model must go through `markup_escape` so that it is shown as written.

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace parley::report {

struct Heading {
  int level = 2;   ///< 1 for the title, 2 for sections (each opens an HTML <section>), 3 below
  std::string id;  ///< the anchor; the Markdown renderer relies on it equalling `anchor_of(text)`
  std::string text;
};

struct Paragraph {
  std::string text;
  std::string style;  ///< "" or a class: "lead", "note", "badge", "small"
};

struct List {
  std::vector<std::string> items;
  bool ordered = false;
  std::string style;  ///< "" or a class, e.g. "findings"
};

struct TableRow {
  std::vector<std::string> cells;
  /// Machine-readable attributes (HTML `data-NAME="value"`), e.g. a state's pattern.
  std::vector<std::pair<std::string, std::string>> data;
  bool highlight = false;
};

struct Table {
  std::string id;
  std::string caption;
  std::vector<std::string> header;
  std::string align;  ///< per column 'l', 'r' or 'c'; missing columns are 'l'
  std::vector<TableRow> rows;
};

struct Figure {
  std::string id;
  std::string svg;          ///< a whole <svg> element, with its own <title>
  std::string caption;      ///< markup
  std::string alt;          ///< plain text, for the Markdown image
  std::string file_suffix;  ///< Markdown: written to STEM-SUFFIX.svg next to the report
};

using Block = std::variant<Heading, Paragraph, List, Table, Figure>;

struct Document {
  std::string title;  ///< plain text
  std::string language = "en";
  std::vector<Block> blocks;
};

/// A picture the Markdown refers to and that must be written next to it.
struct PictureFile {
  std::string file_name;  ///< STEM-SUFFIX.svg, relative to the Markdown file
  std::string svg;
};

struct MarkdownRendering {
  std::string text;
  std::vector<PictureFile> pictures;
};

/// The document as one HTML page: inline CSS (screen and print), inline SVG, no external resource.
std::string render_html(const Document& document);
/// The document as Markdown; figures become images `STEM-SUFFIX.svg` returned alongside.
MarkdownRendering render_markdown(const Document& document, const std::string& picture_stem);

/// Text shown as written in markup: every character markup would interpret is escaped.
std::string markup_escape(const std::string& text);
/// The anchor a Markdown viewer gives a heading: lower case, spaces to '-', punctuation dropped.
std::string anchor_of(const std::string& heading);
/// Text escaped for HTML content and attribute values (also used in SVG).
std::string html_escape(const std::string& text);

}  // namespace parley::report
