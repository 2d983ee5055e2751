// SPDX-License-Identifier: Apache-2.0
#include "parley/io/report_document.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string_view>

#include "parley/version.hpp"

namespace parley::report {

namespace {

/// Screen and print styles. Fonts are named, never fetched: the page loads nothing.
constexpr std::string_view kStyle = R"css(
:root{--ink:#1c2530;--muted:#5a6776;--rule:#d6dce4;--accent:#1f4e79;--soft:#f3f6f9;--warm:#fff6e5}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:16px/1.55 Georgia,"DejaVu Serif","Times New Roman",serif}
main{max-width:64rem;margin:0 auto;padding:2.5rem 2.25rem 4rem}
h1,h2,h3,caption,th,figcaption,nav,p.badge,p.kicker{font-family:"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
h1{font-size:1.95rem;line-height:1.22;margin:.25rem 0 .75rem;color:var(--accent)}
h2{font-size:1.35rem;margin:2.75rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--accent);color:var(--accent)}
h3{font-size:1.08rem;margin:1.8rem 0 .5rem;color:var(--ink)}
p{margin:.6rem 0}
p.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.78rem;color:var(--muted);margin:0}
p.lead{font-size:1.08rem}
p.badge{display:inline-block;background:var(--warm);border:1px solid #deb36a;color:#6b4500;padding:.2rem .65rem;
 border-radius:3px;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em}
p.note{color:var(--muted);font-size:.92rem;border-left:3px solid var(--rule);padding-left:.8rem}
p.small{color:var(--muted);font-size:.86rem}
ul,ol{padding-left:1.4rem}
li{margin:.25rem 0}
ul.findings{list-style:none;padding:0;margin:1.1rem 0}
ul.findings>li{background:var(--soft);border-left:4px solid var(--accent);padding:.7rem 1rem;margin:.65rem 0;
 border-radius:0 4px 4px 0}
ul.concepts{list-style:none;padding:0}
ul.concepts>li{margin:.35rem 0}
nav.toc{font-size:.88rem;color:var(--muted);margin:1rem 0 0;line-height:1.9}
nav.toc a{margin-right:1rem;white-space:nowrap}
a{color:var(--accent)}
.table-wrap{overflow-x:auto;margin:1rem 0 1.6rem}
table{border-collapse:collapse;width:100%;font-size:.88rem;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:700;padding:.3rem 0 .45rem;color:var(--ink);font-size:.92rem}
th,td{border-bottom:1px solid var(--rule);padding:.34rem .55rem;vertical-align:top;text-align:left}
thead th{background:var(--soft);font-size:.8rem;color:#34404d;border-bottom:2px solid #b9c3cf}
td.r,th.r{text-align:right}
td.c,th.c{text-align:center}
tbody tr:nth-child(even){background:#fafbfd}
tbody tr.hl{background:#eaf2fb}
code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.86em;background:var(--soft);padding:0 .22em;
 border-radius:2px}
figure{margin:1.6rem 0;padding:0}
figure svg{display:block;max-width:100%;height:auto;margin:0 auto}
figcaption{font-size:.88rem;color:var(--muted);margin-top:.6rem}
footer{margin-top:3rem;font-size:.82rem;color:var(--muted);border-top:1px solid var(--rule);padding-top:.8rem}
@media print{
 @page{margin:16mm 14mm}
 body{font-size:10.5pt}
 main{max-width:none;padding:0}
 nav.toc{display:none}
 h2{break-after:avoid;page-break-after:avoid}
 h3{break-after:avoid}
 table,figure,ul.findings>li,tr{break-inside:avoid;page-break-inside:avoid}
 .table-wrap{overflow:visible}
 a{color:inherit;text-decoration:none}
 tbody tr:nth-child(even){background:none}
}
)css";

void append_escaped_char(std::string& out, char c) {
  switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
  }
}

/// `[words](#anchor)` starting at `at`: the words, the anchor and where it ends; false if not one.
bool internal_link(std::string_view m, std::size_t at, std::string_view& words, std::string_view& anchor,
                   std::size_t& end) {
  const std::size_t close = m.find("](#", at);
  if (close == std::string_view::npos || m.substr(at + 1, close - at - 1).find('[') != std::string_view::npos)
    return false;
  const std::size_t stop = m.find(')', close);
  if (stop == std::string_view::npos) return false;
  words = m.substr(at + 1, close - at - 1);
  anchor = m.substr(close + 3, stop - close - 3);
  for (char c : anchor)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  end = stop;
  return true;
}

/// Markup to HTML: escapes, code spans, strong, emphasis and internal links; tags left open are closed.
std::string inline_html(std::string_view m) {
  std::string out;
  bool strong = false, em = false;
  for (std::size_t i = 0; i < m.size(); ++i) {
    const char c = m[i];
    if (c == '\\' && i + 1 < m.size()) {
      append_escaped_char(out, m[++i]);
    } else if (c == '`' && m.find('`', i + 1) != std::string_view::npos) {
      const std::size_t close = m.find('`', i + 1);
      out += "<code>" + html_escape(std::string(m.substr(i + 1, close - i - 1))) + "</code>";
      i = close;
    } else if (c == '*' && i + 1 < m.size() && m[i + 1] == '*') {
      out += strong ? "</strong>" : "<strong>";
      strong = !strong;
      ++i;
    } else if (c == '*') {
      out += em ? "</em>" : "<em>";
      em = !em;
    } else if (std::string_view words, anchor; c == '[' && internal_link(m, i, words, anchor, i)) {
      out += fmt::format("<a href=\"#{}\">{}</a>", anchor, inline_html(words));
    } else {
      append_escaped_char(out, c);
    }
  }
  if (em) out += "</em>";
  if (strong) out += "</strong>";
  return out;
}

std::string cell_class(const std::string& align, std::size_t column) {
  const char a = column < align.size() ? align[column] : 'l';
  return a == 'r' ? " class=\"r\"" : a == 'c' ? " class=\"c\"" : "";
}

struct HtmlWriter {
  std::string out;
  bool in_section = false;

  void operator()(const Heading& h) {
    if (h.level <= 2 && in_section) {
      out += "</section>\n";
      in_section = false;
    }
    if (h.level == 2) {
      out += fmt::format("<section aria-labelledby=\"{}\">\n", html_escape(h.id));
      in_section = true;
    }
    out += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", h.level, html_escape(h.id), inline_html(h.text));
  }
  void operator()(const Paragraph& p) {
    if (p.style == "toc") {
      out += "<nav class=\"toc\" aria-label=\"Contents\">" + inline_html(p.text) + "</nav>\n";
      return;
    }
    const std::string style = p.style.empty() ? "" : fmt::format(" class=\"{}\"", html_escape(p.style));
    out += fmt::format("<p{}>{}</p>\n", style, inline_html(p.text));
  }
  void operator()(const List& l) {
    const char* tag = l.ordered ? "ol" : "ul";
    const std::string style = l.style.empty() ? "" : fmt::format(" class=\"{}\"", html_escape(l.style));
    out += fmt::format("<{}{}>\n", tag, style);
    for (const std::string& item : l.items)
      out += "<li>" + inline_html(item) + "</li>\n";
    out += fmt::format("</{}>\n", tag);
  }
  void operator()(const Table& t) {
    out += "<div class=\"table-wrap\">\n";
    out +=
        fmt::format("<table id=\"{}\">\n<caption>{}</caption>\n<thead><tr>", html_escape(t.id), inline_html(t.caption));
    for (std::size_t k = 0; k < t.header.size(); ++k)
      out += fmt::format("<th scope=\"col\"{}>{}</th>", cell_class(t.align, k), inline_html(t.header[k]));
    out += "</tr></thead>\n<tbody>\n";
    for (const TableRow& row : t.rows) {
      out += row.highlight ? "<tr class=\"hl\"" : "<tr";
      for (const auto& [name, value] : row.data)
        out += fmt::format(" data-{}=\"{}\"", name, html_escape(value));
      out += ">";
      for (std::size_t k = 0; k < row.cells.size(); ++k)
        out += fmt::format("<td{}>{}</td>", cell_class(t.align, k), inline_html(row.cells[k]));
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n";
  }
  void operator()(const Figure& f) {
    out += fmt::format("<figure id=\"{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n", html_escape(f.id), f.svg,
                       inline_html(f.caption));
  }
};

struct MarkdownWriter {
  std::string stem;
  std::string out;
  std::vector<PictureFile> pictures;

  void operator()(const Heading& h) {
    out += std::string(static_cast<std::size_t>(h.level), '#') + " " + h.text + "\n\n";
  }
  void operator()(const Paragraph& p) {
    if (p.style == "badge")
      out += "> **" + p.text + "**\n\n";
    else if (p.style == "note")
      out += "> " + p.text + "\n\n";
    else if (p.style == "small" || p.style == "kicker")
      out += "*" + p.text + "*\n\n";
    else
      out += p.text + "\n\n";
  }
  void operator()(const List& l) {
    for (std::size_t k = 0; k < l.items.size(); ++k)
      out += (l.ordered ? std::to_string(k + 1) + ". " : std::string("- ")) + l.items[k] + "\n";
    out += "\n";
  }
  void operator()(const Table& t) {
    out += "**" + t.caption + "**\n\n|";
    for (const std::string& h : t.header)
      out += " " + h + " |";
    out += "\n|";
    for (std::size_t k = 0; k < t.header.size(); ++k) {
      const char a = k < t.align.size() ? t.align[k] : 'l';
      out += a == 'r' ? " ---: |" : a == 'c' ? " :---: |" : " --- |";
    }
    out += "\n";
    for (const TableRow& row : t.rows) {
      out += "|";
      for (const std::string& cell : row.cells)
        out += " " + (cell.empty() ? std::string(" ") : cell) + " |";
      out += "\n";
    }
    out += "\n";
  }
  void operator()(const Figure& f) {
    const std::string file = stem + "-" + f.file_suffix + ".svg";
    out += fmt::format("![{}]({})\n\n{}\n\n", markup_escape(f.alt), file, f.caption);
    pictures.push_back({file, f.svg});
  }
};

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    append_escaped_char(out, c);
  return out;
}

std::string markup_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|#&!{}~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string anchor_of(const std::string& heading) {
  std::string out;
  for (char c : heading) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (c == ' ' || c == '-')
      out += '-';
  }
  return out;
}

std::string render_html(const Document& document) {
  HtmlWriter writer;
  for (const Block& block : document.blocks)
    std::visit(writer, block);
  if (writer.in_section) writer.out += "</section>\n";
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // The page may load nothing at all: no scripts, fonts, pictures or frames.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"generator\" content=\"parley {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n"
      "<main>\n{}</main>\n</body>\n</html>\n",
      html_escape(document.language), kVersion, html_escape(document.title), kStyle, writer.out);
}

MarkdownRendering render_markdown(const Document& document, const std::string& picture_stem) {
  MarkdownWriter writer{picture_stem, {}, {}};
  for (const Block& block : document.blocks)
    std::visit(writer, block);
  while (writer.out.size() > 1 && writer.out[writer.out.size() - 1] == '\n' &&
         writer.out[writer.out.size() - 2] == '\n')
    writer.out.pop_back();
  return {std::move(writer.out), std::move(writer.pictures)};
}

}  // namespace parley::report
