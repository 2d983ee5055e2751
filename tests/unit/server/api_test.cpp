// SPDX-License-Identifier: Apache-2.0
#include "parley/server/api.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "parley/io/command_answers.hpp"
#include "parley/io/model_reader.hpp"
#include "parley/io/paths_output.hpp"

namespace parley::server {
namespace {

namespace fs = std::filesystem;

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* const kSmallModel = R"(parley: 1
name: Small
parties:
  - id: A
    options: [a]
    priorities:
      - not a
  - id: B
    options: [b]
    priorities:
      - not b
      - a
status_quo: [a]
)";

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-api-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    workspace_ = std::make_unique<Workspace>((dir_ / "ws.sqlite").string());
    runner_ = std::make_unique<JobRunner>(RunLimits{});
    api_ = std::make_unique<Api>(*workspace_, *runner_,
                                 ApiConfig{token_,
                                           {{"example", std::string(PARLEY_SOURCE_DIR) + "/examples"},
                                            {"catalog", std::string(PARLEY_SOURCE_DIR) + "/catalog"}}});
  }
  void TearDown() override {
    api_.reset();
    runner_.reset();
    workspace_.reset();
    fs::remove_all(dir_);
  }
  Answer call(const std::string& method, const std::string& path, const std::string& body = {}, Params params = {}) {
    return api_->handle({method, path, std::move(params), body, authorization_});
  }
  static Json json(const Answer& a) { return Json::parse(a.body); }

  fs::path dir_;
  std::string token_;
  std::string authorization_;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<JobRunner> runner_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, AnalyzeAnswersExactlyTheIoLayersJson) {
  const std::string text = file_text(std::string(PARLEY_SOURCE_DIR) + "/examples/ukraine-talks.yaml");
  const Answer a = call("POST", "/api/analyze", text, {{"name", "ukraine-talks"}});
  ASSERT_EQ(a.status, 200) << a.body;
  const ReadResult read = read_model_text(text, "ukraine-talks");
  ASSERT_TRUE(read.model);
  AnalyzeRequest request;
  request.structure = read.model->coalitions;
  Progress progress;
  const CancelToken cancel;
  const std::string expected =
      json_analyze(*read.model, request, run_analyze(*read.model, request, progress, cancel)).dump(2) + "\n";
  EXPECT_EQ(a.body, expected);
  const Answer again = call("POST", "/api/analyze", text, {{"name", "ukraine-talks"}});
  EXPECT_EQ(again.body, expected) << "the cached answer is the same text";
  EXPECT_EQ(again.headers.at(0).second, "hit");
}

TEST_F(ApiTest, AnalyzeTakesTheCommandLinesFlags) {
  const Answer a = call("POST", "/api/analyze", kSmallModel, {{"concepts", "nash"}, {"only", "equilibria"}});
  ASSERT_EQ(a.status, 200) << a.body;
  const Json out = json(a);
  EXPECT_FALSE(out.contains("states"));
  EXPECT_TRUE(out["equilibria"].contains("nash"));
  EXPECT_FALSE(out["equilibria"].contains("gmr"));
  const Answer coalition = call("POST", "/api/analyze", kSmallModel, {{"coalition", "A B"}});
  ASSERT_EQ(coalition.status, 200) << coalition.body;
  EXPECT_TRUE(json(coalition).contains("coalition_equilibria")) << "a space stands for '+' in a query string";
}

TEST_F(ApiTest, PathsAndPredictAnswerTheIoLayersJson) {
  const ReadResult read = read_model_text(kSmallModel, "model");
  Progress progress;
  const CancelToken cancel;
  const Answer paths = call("POST", "/api/paths", kSmallModel);
  ASSERT_EQ(paths.status, 200) << paths.body;
  EXPECT_EQ(
      paths.body,
      json_paths(*read.model, status_quo_paths(*read.model, *read.model->status_quo, progress, cancel)).dump(2) + "\n");
  const Answer predict = call("POST", "/api/predict", kSmallModel);
  EXPECT_EQ(predict.status, 400) << "no issues to predict";
  EXPECT_EQ(json(predict)["error"], "the model has no issues to predict");
  const std::string ec = file_text(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  const ReadResult spatial = read_model_text(ec, "model");
  const Answer predicted = call("POST", "/api/predict", ec);
  ASSERT_EQ(predicted.status, 200) << predicted.body;
  EXPECT_EQ(predicted.body, json_predict(*spatial.model, predict_spatial(*spatial.model), std::nullopt).dump(2) + "\n");
}

TEST_F(ApiTest, MalformedYamlIsA400WithLineAndColumn) {
  const Answer a = call("POST", "/api/analyze", "parley: 1\nname: x\nparties: [\n  - id: A\n");
  ASSERT_EQ(a.status, 400);
  const Json out = json(a);
  EXPECT_TRUE(out["line"].is_number()) << a.body;
  EXPECT_TRUE(out["column"].is_number()) << a.body;
  ASSERT_FALSE(out["diagnostics"].empty());
  const ReadResult read = read_model_text("parley: 1\nname: x\nparties: [\n  - id: A\n", "model");
  EXPECT_EQ(out["diagnostics"][0]["text"], format_diagnostic("model", read.diagnostics.sorted().front()))
      << "the same message the command line prints";
}

TEST_F(ApiTest, AnInvalidModelNamesTheFieldAndListsEveryError) {
  std::string text = kSmallModel;
  text.replace(text.find("status_quo"), 10, "statusquo");
  const Answer a = call("POST", "/api/check", text);
  ASSERT_EQ(a.status, 400);
  const Json out = json(a);
  EXPECT_EQ(out["line"], 13);
  EXPECT_EQ(out["column"], 1);
  EXPECT_EQ(out["field"], "statusquo");
  EXPECT_NE(out["help"].get<std::string>().find("status_quo"), std::string::npos) << a.body;
}

TEST_F(ApiTest, CheckSummarisesAValidModel) {
  const Answer a = call("POST", "/api/check", kSmallModel);
  ASSERT_EQ(a.status, 200);
  const Json out = json(a);
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["states"], 4);
  EXPECT_EQ(out["parties"], Json::parse(R"(["A", "B"])"));
}

TEST_F(ApiTest, BadParametersAreRefusedWithHelp) {
  EXPECT_EQ(call("POST", "/api/analyze", kSmallModel, {{"concept", "nash"}}).status, 400);
  EXPECT_EQ(json(call("POST", "/api/analyze", kSmallModel, {{"concept", "nash"}}))["help"], "did you mean 'concepts'?");
  EXPECT_EQ(call("POST", "/api/analyze", kSmallModel, {{"concepts", "nosh"}}).status, 400);
  EXPECT_EQ(call("POST", "/api/analyze", kSmallModel, {{"horizon", "x"}}).status, 400);
  EXPECT_EQ(call("POST", "/api/explain", kSmallModel).status, 400) << "state is required";
  EXPECT_EQ(call("POST", "/api/explain", kSmallModel, {{"state", "99"}}).status, 400);
  EXPECT_EQ(call("POST", "/api/explain", kSmallModel, {{"state", "YN"}}).status, 200);
}

TEST_F(ApiTest, UnknownRoutesAre404AndWrongMethods405) {
  EXPECT_EQ(call("GET", "/api/nothing").status, 404);
  EXPECT_EQ(call("GET", "/api").status, 404);
  EXPECT_EQ(call("GET", "/api/analyze").status, 405);
  EXPECT_EQ(call("POST", "/api/health").status, 405);
  EXPECT_EQ(call("GET", "/api/models/none").status, 404);
  EXPECT_EQ(call("GET", "/api/jobs/j999").status, 404);
  EXPECT_EQ(json(call("GET", "/api/nothing"))["error"], "no such route: /api/nothing");
}

TEST_F(ApiTest, ModelsAreSavedWithHistory) {
  Answer put = call("PUT", "/api/models/small", kSmallModel);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json(put)["version"], 1);
  std::string second = kSmallModel;
  second.replace(second.find("Small"), 5, "Small two");
  EXPECT_EQ(json(call("PUT", "/api/models/small", second))["version"], 2);
  const Json latest = json(call("GET", "/api/models/small"));
  EXPECT_EQ(latest["text"], second);
  EXPECT_EQ(latest["title"], "Small two");
  EXPECT_EQ(json(call("GET", "/api/models/small/versions")).size(), 2u);
  EXPECT_EQ(json(call("GET", "/api/models/small/versions/1"))["text"], kSmallModel);
  EXPECT_EQ(call("GET", "/api/models/small/versions/x").status, 400);
  const Json list = json(call("GET", "/api/models"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "small");
  EXPECT_EQ(call("DELETE", "/api/models/small").status, 200);
  EXPECT_EQ(call("GET", "/api/models/small").status, 404);
  EXPECT_EQ(json(call("GET", "/api/models/small/versions")).size(), 3u) << "history kept";
}

TEST_F(ApiTest, InvalidModelsAreSavedOnlyAsDrafts) {
  EXPECT_EQ(call("PUT", "/api/models/broken", "parley: 1\nparties: nope\n").status, 400);
  EXPECT_EQ(call("GET", "/api/models/broken").status, 404);
  const Answer draft = call("PUT", "/api/models/broken", "parley: 1\nparties: nope\n", {{"draft", "1"}});
  ASSERT_EQ(draft.status, 200);
  EXPECT_EQ(json(draft)["valid"], false);
  EXPECT_EQ(call("PUT", "/api/models/.bad", kSmallModel).status, 400);
}

TEST_F(ApiTest, RunsListTheCachedAnswersOfAModel) {
  call("PUT", "/api/models/small", kSmallModel);
  call("POST", "/api/analyze", kSmallModel, {{"concepts", "nash"}});
  const Json runs = json(call("GET", "/api/runs", {}, {{"model", "small"}}));
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["kind"], "analyze");
  EXPECT_EQ(runs[0]["options"], "concepts=nash");
  EXPECT_TRUE(runs[0]["result"].contains("equilibria"));
}

TEST_F(ApiTest, JobsRunInTheBackgroundAndGiveTheSameAnswer) {
  const Json job = {{"kind", "analyze"}, {"model", kSmallModel}, {"options", {{"concepts", "nash,gmr"}}}};
  const Answer submitted = call("POST", "/api/jobs", job.dump());
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = json(submitted)["id"];
  Json status;
  for (int i = 0; i < 500; ++i) {
    status = json(call("GET", "/api/jobs/" + id));
    if (status["status"] == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(status["status"], "done") << status.dump();
  EXPECT_EQ(status["progress"], 1.0);
  EXPECT_EQ(status["result"], json(call("POST", "/api/analyze", kSmallModel, {{"concepts", "nash,gmr"}})));
  EXPECT_EQ(call("POST", "/api/jobs", R"({"kind": "dance", "model": ""})").status, 400);
  EXPECT_EQ(call("POST", "/api/jobs", "not json").status, 400);
  const Answer failed = call("POST", "/api/jobs", Json{{"kind", "check"}, {"model", "parley: 1\n"}}.dump());
  ASSERT_EQ(failed.status, 202);
  const std::string failed_id = json(failed)["id"];
  for (int i = 0; i < 500 && json(call("GET", "/api/jobs/" + failed_id))["status"] != "failed"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const Json error = json(call("GET", "/api/jobs/" + failed_id));
  EXPECT_EQ(error["status"], "failed");
  EXPECT_EQ(error["error"]["status"], 400);
}

TEST_F(ApiTest, ExamplesAreListedAndRead) {
  const Json list = json(call("GET", "/api/examples"));
  bool flagship = false;
  for (const auto& e : list)
    flagship = flagship || (e["name"] == "ukraine-talks" && e["kind"] == "example");
  EXPECT_TRUE(flagship) << list.dump();
  const Json elmira = json(call("GET", "/api/examples/elmira"));
  EXPECT_EQ(elmira["kind"], "catalog");
  EXPECT_EQ(elmira["path"], "catalog/elmira.yaml");
  EXPECT_NE(elmira["text"].get<std::string>().find("parties"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/examples/none").status, 404);
}

TEST_F(ApiTest, ConvertWritesTheModelFormat) {
  const Answer a = call("POST", "/api/convert", kSmallModel, {{"to", "json"}});
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(Json::parse(json(a)["text"].get<std::string>())["name"], "Small");
  EXPECT_EQ(call("POST", "/api/convert", kSmallModel, {{"to", "xml"}}).status, 400);
}

class TokenApiTest : public ApiTest {
 protected:
  void SetUp() override {
    token_ = "secret-token";
    ApiTest::SetUp();
  }
};

TEST_F(TokenApiTest, EveryCallNeedsTheToken) {
  EXPECT_EQ(call("GET", "/api/health").status, 401);
  EXPECT_EQ(call("GET", "/api/health", {}, {{"token", "wrong"}}).status, 401);
  EXPECT_EQ(call("GET", "/api/health", {}, {{"token", "secret-token"}}).status, 200);
  authorization_ = "Bearer secret-token";
  EXPECT_EQ(call("GET", "/api/health").status, 200);
  authorization_ = "Bearer secret-tokem";
  EXPECT_EQ(call("POST", "/api/analyze", kSmallModel).status, 401);
}

TEST(JobRunner, StopsAnAnalysisAtTheTimeLimit) {
  JobRunner runner(RunLimits{std::chrono::milliseconds(100), 1, 10});
  const Answer a = runner.run([](Progress&, const CancelToken& cancel) -> Answer {
    while (!cancel.cancelled())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    throw Cancelled();
  });
  EXPECT_EQ(a.status, 503);
  EXPECT_NE(a.body.find("time limit"), std::string::npos);
}

TEST(JobRunner, CancelsAJobAndReportsProgress) {
  JobRunner runner(RunLimits{std::chrono::seconds(60), 1, 10});
  std::atomic<bool> started{false};
  const std::string id = runner.submit("test", [&](Progress& progress, const CancelToken& cancel) -> Answer {
    progress.report(1, 4, "spinning");
    started = true;
    while (!cancel.cancelled())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    throw Cancelled();
  });
  while (!started)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const Json running = *runner.status(id);
  EXPECT_EQ(running["status"], "running");
  EXPECT_EQ(running["progress"], 0.25);
  EXPECT_EQ(running["message"], "spinning");
  EXPECT_EQ((*runner.cancel(id))["status"], "cancelled");
  EXPECT_FALSE(runner.status("j404"));
}

TEST(JobRunner, RunsNoMoreAnalysesAtOnceThanItHasSlots) {
  JobRunner runner(RunLimits{std::chrono::seconds(60), 2, 10});
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 6; ++i)
    clients.emplace_back([&] {
      runner.run([&](Progress&, const CancelToken&) {
        const int now = ++running;
        int seen = most;
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        --running;
        return Answer{};
      });
    });
  for (auto& c : clients)
    c.join();
  EXPECT_EQ(most, 2);
}

}  // namespace
}  // namespace parley::server
