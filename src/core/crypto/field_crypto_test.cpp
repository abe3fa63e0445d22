// src/core/crypto/field_crypto_test.cpp
//
// Sealed fields: what goes in comes out with the same key only; tampering is detected; the
// lookup hash is stable and keyed; masking shows what a citizen's page may show.
#include "core/crypto/field_crypto.hpp"

#include <gtest/gtest.h>

namespace tongxin::crypto {
namespace {

TEST(FieldCrypto, SealsAndOpensWithTheSameKeyOnly) {
  const FieldCrypto a(std::string(32, 'a'));
  const FieldCrypto b(std::string(32, 'b'));
  const auto sealed = a.seal("13912345678");
  EXPECT_EQ(sealed.find("13912345678"), std::string::npos);
  EXPECT_NE(sealed, a.seal("13912345678"));  // a fresh nonce each time
  EXPECT_EQ(a.open(sealed), "13912345678");
  EXPECT_FALSE(b.open(sealed));
  std::string tampered = sealed;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(a.open(tampered));
  EXPECT_FALSE(a.open("not base64 at all!"));
  EXPECT_FALSE(a.open(""));
  EXPECT_EQ(a.open(a.seal("")), "");
  EXPECT_THROW(FieldCrypto("short"), std::invalid_argument);
}

TEST(FieldCrypto, LookupHashIsStableAndKeyed) {
  const FieldCrypto a(std::string(32, 'a'));
  const FieldCrypto b(std::string(32, 'b'));
  EXPECT_EQ(a.lookup_hash("13912345678"), a.lookup_hash("13912345678"));
  EXPECT_NE(a.lookup_hash("13912345678"), a.lookup_hash("13912345679"));
  EXPECT_NE(a.lookup_hash("13912345678"), b.lookup_hash("13912345678"));
  EXPECT_EQ(a.lookup_hash("x").size(), 64U);
}

TEST(FieldCrypto, MasksNamesAndPhones) {
  EXPECT_EQ(mask_phone("13912345678"), "139****5678");
  EXPECT_EQ(mask_phone("123"), "****");
  EXPECT_EQ(mask_name("张三"), "张*");
  EXPECT_EQ(mask_name("赵丽华"), "赵**");
  EXPECT_EQ(mask_name("欧阳小明"), "欧***");
  EXPECT_EQ(mask_name("王"), "王*");
  EXPECT_EQ(mask_name(""), "");
}

TEST(FieldCrypto, NormalisesMainlandMobileNumbers) {
  EXPECT_EQ(normalize_mobile("139 1234 5678"), "13912345678");
  EXPECT_EQ(normalize_mobile("+86 139-1234-5678"), "13912345678");
  EXPECT_EQ(normalize_mobile("8613912345678"), "13912345678");
  EXPECT_FALSE(normalize_mobile("12912345678"));  // no 12x mobile prefix
  EXPECT_FALSE(normalize_mobile("0931-8888888"));
  EXPECT_FALSE(normalize_mobile("1391234567"));
  EXPECT_FALSE(normalize_mobile("139123456７8"));
  EXPECT_FALSE(normalize_mobile(""));
}

}  // namespace
}  // namespace tongxin::crypto
