// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The sections of a report, each written from the gathered content into the document. Private to
/// parley_io; report.cpp puts them in order.

#include <optional>
#include <string>
#include <vector>

#include "parley/io/report_document.hpp"
#include "report_content.hpp"

namespace parley::report {

/// Appends blocks to a document.
struct Builder {
  Document document;
  /// A heading whose anchor is `anchor_of(text)`, so that links work in HTML and Markdown alike.
  void heading(int level, const std::string& text) {
    document.blocks.emplace_back(std::in_place_type<Heading>, Heading{level, anchor_of(text), text});
  }
  void paragraph(std::string text, std::string style = "") {
    document.blocks.emplace_back(std::in_place_type<Paragraph>, Paragraph{std::move(text), std::move(style)});
  }
  void list(std::vector<std::string> items, bool ordered = false, std::string style = "") {
    if (!items.empty())
      document.blocks.emplace_back(std::in_place_type<List>, List{std::move(items), ordered, std::move(style)});
  }
  void table(Table table) { document.blocks.emplace_back(std::in_place_type<Table>, std::move(table)); }
  void figure(Figure figure) { document.blocks.emplace_back(std::in_place_type<Figure>, std::move(figure)); }
};

/// The best settlement reachable from the status quo: most concepts, then fewest moves.
const Settlement* headline_settlement(const Content& content);
/// The states of the kept shortest path from the status quo to `to`, both ends included (empty if
/// `to` is not reachable).
std::vector<StateIndex> path_states(const Content& content, StateIndex to);
/// The reachable entry of `to` in the status quo paths, or nullptr.
const ReachableState* reachable(const Content& content, StateIndex to);
/// A lever in words: "Russia would have to stop caring about `not engage` (its 6th priority)".
std::string lever_words(const Model& model, const Lever& lever);
/// The words of one margin: "US would have to reverse 3 pairs of outcomes".
std::string margin_words(const Model& model, const StabilityMargin& margin);
/// Who is not stable at `s` under `c` (party indices).
std::vector<int> movers(const Model& model, const Content& content, Concept c, StateIndex s);
/// The model says it is an illustration, not a forecast.
bool labelled_illustration(const Model& model);

void add_findings(Builder& out, const Model& model, const Content& content);

void add_equilibria(Builder& out, const Model& model, const Content& content);
void add_states(Builder& out, const Model& model, const Content& content);
void add_state_graph(Builder& out, const Model& model, const Content& content);
void add_paths(Builder& out, const Model& model, const Content& content);
void add_coalitions(Builder& out, const Model& model, const Content& content);
void add_change(Builder& out, const Model& model, const Content& content);
void add_robustness(Builder& out, const Model& model, const Content& content);
void add_partial(Builder& out, const Model& model, const Content& content);
void add_spatial(Builder& out, const Model& model, const Content& content);
void add_method(Builder& out, const Model& model, const Content& content);
void add_assumptions(Builder& out, const Model& model);
void add_references(Builder& out, const Model& model);

}  // namespace parley::report
