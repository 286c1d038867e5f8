// HTML form bodies: urlencoded and multipart/form-data, strictly.
#include <gtest/gtest.h>

#include "server/http/form.hpp"

namespace lotse::server::http {
namespace {

TEST(Urlencoded, DecodesPlusPercentAndEmptyValues) {
  auto form = parse_urlencoded("vendor=ACME+Corp&product=%3Cscript%3E&empty=&flag&x=%C3%BC%26%3D");
  ASSERT_TRUE(form) << form.error();
  ASSERT_EQ(form->fields.size(), 5u);
  EXPECT_EQ(form->find("vendor")->value, "ACME Corp");
  EXPECT_EQ(form->find("product")->value, "<script>");
  EXPECT_EQ(form->find("empty")->value, "");
  EXPECT_EQ(form->find("flag")->value, "");
  EXPECT_EQ(form->find("x")->value, "\xC3\xBC&=");
  EXPECT_EQ(form->find("missing"), nullptr);
}

TEST(Urlencoded, RefusesMalformedEscapesAndTooManyFields) {
  for (const char* body : {"a=%", "a=%4", "a=%zz", "%g0=1"}) EXPECT_FALSE(parse_urlencoded(body)) << body;
  std::string many;
  for (std::size_t i = 0; i <= kMaxFormFields; ++i) many += "f" + std::to_string(i) + "=1&";
  EXPECT_FALSE(parse_urlencoded(many));
}

TEST(PercentDecode, KeepsPlusOutsideForms) { EXPECT_EQ(*percent_decode("a+b%20c", false), "a+b c"); }

const std::string kType = "multipart/form-data; boundary=----lotse42";

TEST(Multipart, ReadsTextFieldsAndFiles) {
  const std::string body =
      std::string("------lotse42\r\nContent-Disposition: form-data; name=\"vendor\"\r\n\r\nACME\r\n"
      "------lotse42\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"poc \\\"1\\\".bin\"\r\n"
      "Content-Type: Application/Octet-Stream\r\n\r\n") +
      std::string("\x00\x01\r\n\xff", 5) +
      "\r\n------lotse42\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
      "------lotse42--\r\n";
  auto form = parse_multipart(body, kType);
  ASSERT_TRUE(form) << form.error();
  ASSERT_EQ(form->fields.size(), 3u);
  EXPECT_EQ(form->fields[0].name, "vendor");
  EXPECT_EQ(form->fields[0].value, "ACME");
  EXPECT_FALSE(form->fields[0].filename);
  EXPECT_EQ(form->fields[1].name, "attachment");
  EXPECT_EQ(*form->fields[1].filename, "poc \"1\".bin");
  EXPECT_EQ(form->fields[1].media_type, "application/octet-stream");
  EXPECT_EQ(form->fields[1].value, std::string("\x00\x01\r\n\xff", 5));
  EXPECT_EQ(form->fields[2].value, "");
}

TEST(Multipart, RefusesBrokenStructure) {
  const std::string part = "------lotse42\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  EXPECT_FALSE(parse_multipart(part + "------lotse42--", "multipart/form-data"));  // no boundary
  EXPECT_FALSE(parse_multipart(part, kType));                                       // never closed
  EXPECT_FALSE(parse_multipart("no delimiter at all", kType));
  EXPECT_FALSE(parse_multipart("------lotse42\r\nContent-Disposition: form-data\r\n\r\nx\r\n------lotse42--", kType));
  EXPECT_FALSE(parse_multipart("------lotse42\r\nX: y\r\n\r\nx\r\n------lotse42--", kType));
  EXPECT_FALSE(parse_multipart("------lotse42\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n------lotse42--", kType));
  EXPECT_FALSE(parse_multipart("------lotse42\r\nContent-Disposition: form-data; name=\"a\"\r\nno end of headers", kType));
}

}  // namespace
}  // namespace lotse::server::http
