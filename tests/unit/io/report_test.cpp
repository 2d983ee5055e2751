// SPDX-License-Identifier: Apache-2.0
// The briefing report: for every catalog conflict and example, the report is written, lists
// exactly the equilibria the stability analysis finds, has its pictures, loads nothing from
// elsewhere, and is the same every time; the Markdown says the same.
#include "parley/io/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "parley/analysis/stability.hpp"
#include "parley/io/model_reader.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;
using Equilibria = std::map<std::string, std::set<std::string>>;  // concept key -> patterns

std::vector<std::string> model_files() {
  std::vector<std::string> out;
  for (const char* dir : {"catalog", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(PARLEY_SOURCE_DIR) / dir))
      if (entry.path().extension() == ".yaml") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// The equilibria by concept, as the stability analysis finds them.
Equilibria analysed(const Model& model) {
  Equilibria out;
  if (!model.has_options()) return out;
  Progress progress;
  CancelToken cancel;
  const StabilityResult result = analyze_stability(model, {}, progress, cancel);
  for (Concept c : result.concepts()) {
    const StateSet eq = result.equilibria(c);
    for (StateIndex s = 0; s < eq.size(); ++s)
      if (eq[s]) out[std::string(concept_key(c))].insert(model.pattern(s));
  }
  return out;
}

std::string attribute(const std::string& tag, const std::string& name) {
  std::smatch m;
  if (std::regex_search(tag, m, std::regex(" " + name + "=\"([^\"]*)\""))) return m[1];
  return "";
}

/// The equilibria the HTML report lists: the rows of <table id="equilibria">, by their data attributes.
Equilibria listed_in_html(const std::string& html) {
  Equilibria out;
  const auto start = html.find("<table id=\"equilibria\">");
  if (start == std::string::npos) return out;
  const std::string table = html.substr(start, html.find("</table>", start) - start);
  const std::regex row("<tr [^>]*>");
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    const std::string pattern = attribute(tag, "data-pattern");
    std::istringstream concepts(attribute(tag, "data-concepts"));
    for (std::string key; concepts >> key;)
      out[key].insert(pattern);
  }
  return out;
}

std::string lowercase(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cell += line[++i];
    } else if (line[i] == '|') {
      cells.push_back(cell.substr(cell.find_first_not_of(' ') == std::string::npos ? 0 : cell.find_first_not_of(' ')));
      while (!cells.back().empty() && cells.back().back() == ' ')
        cells.back().pop_back();
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

/// The equilibria the Markdown lists: the visible rows of its equilibria table, a ✓ per concept.
Equilibria listed_in_markdown(const std::string& md) {
  Equilibria out;
  auto at = md.find("**Equilibria: the states stable");
  if (at == std::string::npos) return out;
  std::istringstream lines(md.substr(at));
  std::string line;
  std::getline(lines, line);  // caption
  std::getline(lines, line);  // blank
  std::getline(lines, line);
  const std::vector<std::string> header = cells_of(line);
  std::getline(lines, line);  // alignment
  while (std::getline(lines, line) && !line.empty() && line[0] == '|') {
    const std::vector<std::string> cells = cells_of(line);
    std::string pattern = cells.at(1);
    pattern.erase(std::remove(pattern.begin(), pattern.end(), '`'), pattern.end());
    for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k)
      if (auto c = parse_concept(lowercase(header[k])); c && cells[k] == "✓") {
        std::string key(concept_key(*c));
        out[key].insert(pattern);
      }
  }
  return out;
}

/// Everything in the page that could make a browser fetch something: a non-empty list is a failure.
std::vector<std::string> external_references(const std::string& html) {
  std::vector<std::string> found;
  const std::regex attr(R"re(\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*"([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attr); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1], value = (*it)[2];
    if (name == "xmlns" && value == "http://www.w3.org/2000/svg") continue;
    const bool link = name == "href" || name == "src" || name == "xlink:href" || name == "action";
    if ((link && value.rfind('#', 0) != 0) || value.find("//") != std::string::npos ||
        std::regex_search(value, std::regex("(https?|data|javascript|file|ftp):", std::regex::icase)) ||
        std::regex_search(value, std::regex(R"(url\(\s*['"]?[^#'"\s])")))
      found.push_back(name + "=\"" + value + "\"");
  }
  for (const char* pattern :
       {R"(url\(\s*['"]?[^#'"\s])", R"(@import)", R"(<(script|link|img|iframe|object|embed|base)\b)",
        R"(https?://(?!www\.w3\.org/2000/svg"))", R"((^|[^:])//[A-Za-z0-9])"}) {
    std::smatch m;
    if (std::regex_search(html, m, std::regex(pattern, std::regex::icase)))
      found.push_back(m.str() + " (" + pattern + ")");
  }
  return found;
}

/// The catalog and examples, each rendered once in each format (shared by the tests below).
struct Rendered {
  std::shared_ptr<const Model> model;
  std::string html;
  RenderedReport markdown;
};

const Rendered& rendered(const std::string& path) {
  static std::map<std::string, Rendered> cache;
  if (auto it = cache.find(path); it != cache.end()) return it->second;
  Rendered r;
  r.model = read_model_file(path).model;
  if (r.model) {
    CancelToken cancel;
    r.html = render_report(*r.model, {}, cancel).text;
    ReportOptions md;
    md.format = ReportFormat::Markdown;
    md.picture_stem = "brief";
    r.markdown = render_report(*r.model, md, cancel);
  }
  return cache.emplace(path, std::move(r)).first->second;
}

class ReportOfEveryModel : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportOfEveryModel, IsWrittenAsOnePage) {
  const Rendered& r = rendered(GetParam());
  ASSERT_TRUE(r.model) << GetParam();
  EXPECT_EQ(r.html.rfind("<!DOCTYPE html>", 0), 0U);
  EXPECT_NE(r.html.find("</html>"), std::string::npos);
  EXPECT_NE(r.html.find("<h2 id=\"findings\">Findings</h2>"), std::string::npos);
  EXPECT_NE(r.html.find("@media print"), std::string::npos);
  EXPECT_LT(r.html.find("id=\"findings\""), r.html.find("id=\"method\""));
}

TEST_P(ReportOfEveryModel, ListsExactlyTheEquilibriaOfTheAnalysis) {
  const Rendered& r = rendered(GetParam());
  ASSERT_TRUE(r.model);
  const Equilibria expected = analysed(*r.model);
  EXPECT_EQ(listed_in_html(r.html), expected);
  EXPECT_EQ(listed_in_markdown(r.markdown.text), expected);
  EXPECT_EQ(r.html.find("<table id=\"equilibria\">") != std::string::npos, r.model->has_options());
}

TEST_P(ReportOfEveryModel, HasEveryPicture) {
  const Rendered& r = rendered(GetParam());
  ASSERT_TRUE(r.model);
  const bool graph = r.model->has_options(), positions = !r.model->issues.empty();
  EXPECT_EQ(r.html.find("<title id=\"sg-title\">") != std::string::npos, graph);
  EXPECT_EQ(r.html.find("<title id=\"pc-title\">") != std::string::npos, positions);
  EXPECT_NE(r.html.find("role=\"img\""), std::string::npos);
  std::set<std::string> files;
  for (const auto& picture : r.markdown.pictures) {
    files.insert(picture.file_name);
    EXPECT_EQ(picture.svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0U) << picture.file_name;
    EXPECT_NE(r.markdown.text.find("](" + picture.file_name + ")"), std::string::npos) << picture.file_name;
  }
  EXPECT_EQ(files.count("brief-graph.svg"), graph ? 1U : 0U);
  EXPECT_EQ(files.count("brief-positions.svg"), positions ? 1U : 0U);
}

TEST_P(ReportOfEveryModel, LoadsNothingFromElsewhere) {
  const Rendered& r = rendered(GetParam());
  ASSERT_TRUE(r.model);
  EXPECT_EQ(external_references(r.html), std::vector<std::string>{});
  EXPECT_EQ(r.markdown.text.find("://"), std::string::npos);
  for (const auto& picture : r.markdown.pictures)
    EXPECT_EQ(external_references(picture.svg), std::vector<std::string>{}) << picture.file_name;
}

TEST_P(ReportOfEveryModel, IsTheSameEveryTime) {
  const Rendered& r = rendered(GetParam());
  ASSERT_TRUE(r.model);
  CancelToken cancel;
  EXPECT_EQ(render_report(*r.model, {}, cancel).text, r.html);
}

INSTANTIATE_TEST_SUITE_P(CatalogAndExamples, ReportOfEveryModel, ::testing::ValuesIn(model_files()),
                         [](const ::testing::TestParamInfo<std::string>& file) {
                           std::string name = fs::relative(file.param, PARLEY_SOURCE_DIR).replace_extension().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(ReportUrlCheck, CatchesEveryWayOfLoadingSomething) {
  for (const char* bad :
       {"<img src=\"x.png\">", "<a href=\"https://example.org\">x</a>", "<style>b{background:url(x.png)}",
        "<script>1</script>", "<link rel=\"stylesheet\" href=\"a.css\">", "<p>see http://x.org</p>",
        "<use xlink:href=\"//cdn/x.svg#a\"/>", "<style>@import 'a.css';</style>"})
    EXPECT_FALSE(external_references(bad).empty()) << bad;
  EXPECT_TRUE(external_references("<svg xmlns=\"http://www.w3.org/2000/svg\"><path marker-end=\"url(#a)\"/></svg>"
                                  "<a href=\"#findings\">x</a>")
                  .empty());
}

TEST(Report, ShowsHostileModelTextAsWrittenWithoutLinks) {
  auto model = testing::model_from(R"yaml(parley: 1
name: "<script>alert(1)</script> talks"
description: "See [the site](https://example.org/x) and <img src=http://example.org/a.png> **now** | a # b"
source: "https://example.org/source"
parties:
  - {id: A, name: "A & <b>", options: [{id: go, name: "Go *fast* [now](http://x.y)"}], priorities: [go]}
  - {id: B, options: [stop], priorities: [not go]}
status_quo: []
)yaml");
  ASSERT_TRUE(model);
  CancelToken cancel;
  const std::string html = render_report(*model, {}, cancel).text;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; talks"), std::string::npos);
  EXPECT_NE(html.find("<strong>now</strong>"), std::string::npos);  // the description's Markdown emphasis is kept
  EXPECT_NE(html.find("A &amp; &lt;b&gt;"), std::string::npos);
  ReportOptions md;
  md.format = ReportFormat::Markdown;
  const std::string text = render_report(*model, md, cancel).text;
  EXPECT_FALSE(std::regex_search(text, std::regex(R"([^\\]\]\(http)"))) << text;  // a link: "](" not escaped
  EXPECT_NE(text.find("\\[the site\\]"), std::string::npos);
}

/// A conflict of three parties with three options each: 512 states, more than the graph shows.
std::string large_model() {
  std::string text = "parley: 1\nname: Large\nparties:\n";
  for (const char* p : {"A", "B", "C"}) {
    text += std::string("  - id: ") + p + "\n    options: [";
    for (int k = 0; k < 3; ++k)
      text += std::string(k ? ", " : "") + p + "o" + std::to_string(k);
    text += "]\n    priorities: [";
    for (int k = 0; k < 3; ++k)
      text += std::string(k ? ", " : "") + (k == 1 ? "not " : "") + p + "o" + std::to_string(k);
    text += std::string(", Ao1 or Bo2") + "]\n";
  }
  return text + "status_quo: []\n";
}

TEST(Report, DrawsTheNeighbourhoodOfTheEquilibriaWhenTheGraphIsLarge) {
  auto model = testing::model_from(large_model());
  ASSERT_TRUE(model);
  ASSERT_GT(model->states->size(), 80U);
  CancelToken cancel;
  const std::string html = render_report(*model, {}, cancel).text;
  EXPECT_NE(html.find("The neighbourhood of the equilibria"), std::string::npos);
  const auto svg = html.substr(html.find("<title id=\"sg-title\">"));
  const auto graph = svg.substr(0, svg.find("</svg>"));
  std::size_t nodes = 0;
  for (auto at = graph.find("<circle"); at != std::string::npos; at = graph.find("<circle", at + 1))
    ++nodes;
  EXPECT_LE(nodes, 80U + 5U);  // the states, and the legend's marks
  EXPECT_EQ(listed_in_html(html), analysed(*model));
}

TEST(Report, SaysWhyAPartIsLeftOutBeyondItsLimit) {
  auto model = testing::model_from(large_model());
  ASSERT_TRUE(model);
  ReportOptions options;
  options.limits.analysis_states = 100;
  CancelToken cancel;
  const std::string html = render_report(*model, options, cancel).text;
  EXPECT_NE(html.find("margins of stability are left out above 100 states"), std::string::npos);
}

TEST(Report, PictureStemIsTheFileNameWithoutItsExtension) {
  EXPECT_EQ(picture_stem_of("out/brief.md"), "brief");
  EXPECT_EQ(picture_stem_of("brief"), "brief");
  EXPECT_EQ(picture_stem_of("a.b/c.d.md"), "c.d");
}

}  // namespace
}  // namespace parley
