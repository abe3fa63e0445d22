// src/core/text/analyzer_test.cpp
//
// The analyzer as a specification: how text is cut for the index and for queries.
#include "core/text/analyzer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/text/segmenter.hpp"

namespace tongxin::text {
namespace {

using ::testing::Contains;
using ::testing::Not;

TEST(Segmenter, KeepsApplicationTermsThatIcuSplits) {
  const auto& s = Segmenter::shared();
  EXPECT_EQ(s.cut("验证码"), std::vector<std::string>{"验证码"});
  EXPECT_EQ(s.cut("管理员"), std::vector<std::string>{"管理员"});
  EXPECT_EQ(s.cut("支付宝"), std::vector<std::string>{"支付宝"});
}

TEST(Segmenter, CutsASentenceOnTheMostProbablePath) {
  const auto words = Segmenter::shared().cut("小区门口的路灯坏了");
  EXPECT_THAT(words, Contains("小区"));
  EXPECT_THAT(words, Contains("路灯"));
  std::string joined;
  for (const auto& w : words)
    joined += w;
  EXPECT_EQ(joined, "小区门口的路灯坏了");  // a cut loses nothing
}

TEST(Segmenter, SearchModeAddsSubWords) {
  const auto words = Segmenter::shared().cut_for_search("中华人民共和国");
  EXPECT_THAT(words, Contains("中华"));
  EXPECT_THAT(words, Contains("人民"));
  EXPECT_THAT(words, Contains("共和国"));
  EXPECT_THAT(words, Contains("中华人民共和国"));
}

TEST(Analyzer, IndexesWordsAndBigrams) {
  const auto tokens = index_tokens("扫码说事：路灯不亮");
  EXPECT_THAT(tokens, Contains("路灯"));
  EXPECT_THAT(tokens, Contains("码说"));  // a bigram across a word boundary
  EXPECT_THAT(tokens, Contains("不亮"));
  EXPECT_THAT(tokens, Not(Contains("：")));
}

TEST(Analyzer, NormalisesWidthAndCase) {
  EXPECT_EQ(index_text("ＷｉＦｉ"), "wifi");
  EXPECT_EQ(index_text("WiFi 5G"), "wifi 5g");
}

TEST(Analyzer, QueryUsesBigramsSoSegmentationMistakesStillMatch) {
  const auto terms = query_terms("路灯坏了");
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0].token, "路灯");
  EXPECT_EQ(terms[1].token, "灯坏");
  EXPECT_EQ(terms[2].token, "坏了");
  EXPECT_EQ(fts5_match(terms), R"("路灯" AND "灯坏" AND "坏了")");
  EXPECT_EQ(pg_tsquery(terms), "'路灯' & '灯坏' & '坏了'");
}

TEST(Analyzer, SingleCharactersAndLatinWordsArePrefixTerms) {
  const auto terms = query_terms("路 WIFI");
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_TRUE(terms[0].prefix);
  EXPECT_EQ(terms[1].token, "wifi");
  EXPECT_EQ(fts5_match(terms), R"("路"* AND "wifi"*)");
  EXPECT_EQ(pg_tsquery(terms), "'路':* & 'wifi':*");
}

TEST(Analyzer, NothingSearchableGivesNoTerms) {
  EXPECT_TRUE(query_terms("").empty());
  EXPECT_TRUE(query_terms("？！，。 '\" AND OR *").size() == 2);  // "and", "or" are words
  EXPECT_TRUE(query_terms("？！，。").empty());
}

TEST(Analyzer, InvalidUtf8NeverCrashes) {
  const std::string junk = "\xff\xfe路\xe8\xb7灯\x80";
  EXPECT_NO_THROW(index_tokens(junk));
  EXPECT_NO_THROW(query_terms(junk));
}

}  // namespace
}  // namespace tongxin::text
