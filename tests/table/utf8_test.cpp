// UTF-8 validation and the excerpts of data values quoted in error messages.
#include "table/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

#include "table/message_text.hpp"

namespace groupfit {
namespace {

TEST(Utf8, FindsTheFirstInvalidByteAroundTheAsciiFastPath) {
  EXPECT_EQ(first_invalid_utf8("plain ascii text, longer than eight"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("Zürich, Genève, Łódź"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("12345678\xff"), 8u);  // right after a fast 8-byte step
  EXPECT_EQ(first_invalid_utf8("1234567\xff"
                               "9"),
            7u);                                             // inside the first word
  EXPECT_EQ(first_invalid_utf8("1234567\xc3\xa9\xff"), 9u);  // a valid é across a word boundary
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);             // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xed\xa0\x80"), 0u);         // surrogate
  EXPECT_EQ(first_invalid_utf8("ab\xe2\x82"), 2u);           // cut short at the end
  EXPECT_FALSE(is_valid_utf8("x\xf4\x90\x80\x80"));          // past U+10FFFF
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(MessageExcerpt, EscapesAndCuts) {
  EXPECT_EQ(excerpt("Zürich"), "Zürich");
  EXPECT_EQ(excerpt("two\nlines\r\tx\x01"), "two\\nlines\\r\\tx\\x01");
  EXPECT_EQ(excerpt("Z\xfcrich"), "Z\\xFCrich");
  EXPECT_EQ(excerpt(std::string(100, 'a'), 10), std::string(10, 'a') + "...");
  // Cut at a character boundary: never half of a multi-byte character.
  EXPECT_EQ(excerpt("aéé", 2), "aé...");
}

}  // namespace
}  // namespace groupfit
