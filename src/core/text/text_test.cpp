// src/core/text/text_test.cpp
#include "core/text/text.hpp"

#include <gtest/gtest.h>

namespace tongxin::text {
namespace {

TEST(Text, NormalizeFoldsWidthAndCase) {
  EXPECT_EQ(normalize("ＡＢｃ１"), "abc1");
  EXPECT_EQ(normalize("兰州"), "兰州");
  EXPECT_EQ(normalize(""), "");
}

TEST(Text, PinyinOfNames) {
  EXPECT_EQ(pinyin_initials("王小明"), "wxm");
  EXPECT_EQ(pinyin_full("王小明"), "wangxiaoming");
  EXPECT_EQ(pinyin_initials("城关区A1"), "cgqa1");
  EXPECT_EQ(pinyin_initials(""), "");
}

TEST(Text, SearchKeyFindsByNameInitialsAndPinyin) {
  const auto key = search_key("王小明");
  for (const char* q : {"王小", "小明", "wxm", "wang", "xiaoming"}) {
    EXPECT_NE(key.find(normalize(q)), std::string::npos) << q;
  }
}

TEST(Text, InvalidUtf8DoesNotCrash) {
  EXPECT_NO_THROW(search_key("\xff\xfe王\x80"));
}

}  // namespace
}  // namespace tongxin::text
