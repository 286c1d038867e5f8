// Unicode knowledge of the ECMA-262 regex translator: UTF-8 decoding and encoding, the
// ECMA-262 WhiteSpace set, the property escape names of ECMA-262 tables 68-70 (General_Category
// values, Script values, binary properties) and how each maps onto RE2's Unicode tables, the
// Unassigned (Cn) code points RE2 lacks, and ID_Start/ID_Continue for group names.
//
// Why here and not in RE2: ECMA-262 names properties differently from RE2 (aliases, `gc=`,
// `sc=`, 4-letter script codes), RE2 has no Cn, LC or binary properties, and everything derived
// from RE2's own tables stays consistent with what RE2 will match. Derived tables are built once
// per process (function-local statics, thread-safe).
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema/ecma_regex_detail.hpp"

namespace lotse::schema::detail {

Utf8Char decode_utf8(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned lead = byte(pos);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t need = 0;
  char32_t cp = 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {0xFFFD, 1, false};
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (pos + k >= s.size()) return {0xFFFD, k, false};
    const unsigned b = byte(pos + k);
    if (b < lo || b > hi) return {0xFFFD, k, false};  // maximal subpart ends before b
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1, true};
}

namespace ecma {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

namespace {

// ECMA-262 WhiteSpace and LineTerminator (`\s`), Unicode 14 Space_Separator included.
constexpr Range kWhiteSpace[] = {
    {0x09, 0x0D},     {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
    {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};

RE2::Options quiet_options() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// General_Category=Unassigned, derived once from RE2's own tables (RE2's `\pC` lacks Cn) so
// that it partitions the code space exactly with the categories RE2 knows.
const std::vector<Range>& unassigned_ranges() {
  static const std::vector<Range> table = [] {
    const RE2 unassigned("[^\\pC\\pL\\pM\\pN\\pP\\pS\\pZ]+", quiet_options());
    std::vector<Range> out;
    std::string chunk;
    for (char32_t base = 0; base <= kMaxCodePoint; base += 0x10000) {
      chunk.clear();
      for (char32_t c = base; c < base + 0x10000; ++c) {
        if (!is_surrogate(c)) append_utf8(chunk, c);
      }
      re2::StringPiece match;
      std::size_t pos = 0;
      while (pos < chunk.size() &&
             unassigned.Match(chunk, pos, chunk.size(), RE2::UNANCHORED, &match, 1)) {
        const std::size_t begin = static_cast<std::size_t>(match.data() - chunk.data());
        std::size_t last = begin + match.size() - 1;
        while ((static_cast<unsigned char>(chunk[last]) & 0xC0) == 0x80) --last;
        const char32_t lo = decode_utf8(chunk, begin).cp;
        const char32_t hi = decode_utf8(chunk, last).cp;
        if (!out.empty() && out.back().hi + 1 == lo) {
          out.back().hi = hi;
        } else {
          out.push_back({lo, hi});
        }
        pos = begin + match.size();
      }
    }
    return out;
  }();
  return table;
}

}  // namespace

ClassSet whitespace(bool negated) {
  ClassSet set;
  for (const Range r : kWhiteSpace) set.add(r.lo, r.hi);
  return negated ? complement(set.ranges) : set;
}

// --- Unicode property escapes (\p{...}, \P{...}) --------------------------------------------

namespace {

// The 30 leaf General_Category values; values such as L or LC are unions of leaves.
constexpr const char* kLeaves[] = {"Cc", "Cf", "Cn", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu",
                                   "Mc", "Me", "Mn", "Nd", "Nl", "No", "Pc", "Pd", "Pe", "Pf",
                                   "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs"};
constexpr int kCn = 2;
constexpr std::uint32_t leaves(int first, int last) {
  return ((1u << (last + 1)) - 1) & ~((1u << first) - 1);
}

struct GcValue {
  const char* names;  // comma-separated ECMA-262 spellings (Table 69)
  std::uint32_t mask;
};
// clang-format off
constexpr GcValue kGeneralCategories[] = {
    {"Other,C", leaves(0, 4)}, {"Letter,L", leaves(5, 9)},
    {"Cased_Letter,LC", (1u << 5) | (1u << 8) | (1u << 9)},
    {"Mark,M,Combining_Mark", leaves(10, 12)}, {"Number,N", leaves(13, 15)},
    {"Punctuation,P,punct", leaves(16, 22)}, {"Symbol,S", leaves(23, 26)},
    {"Separator,Z", leaves(27, 29)}, {"Control,Cc,cntrl", 1u << 0}, {"Format,Cf", 1u << 1},
    {"Unassigned,Cn", 1u << 2}, {"Private_Use,Co", 1u << 3}, {"Surrogate,Cs", 1u << 4},
    {"Lowercase_Letter,Ll", 1u << 5}, {"Modifier_Letter,Lm", 1u << 6},
    {"Other_Letter,Lo", 1u << 7}, {"Titlecase_Letter,Lt", 1u << 8},
    {"Uppercase_Letter,Lu", 1u << 9}, {"Spacing_Mark,Mc", 1u << 10},
    {"Enclosing_Mark,Me", 1u << 11}, {"Nonspacing_Mark,Mn", 1u << 12},
    {"Decimal_Number,Nd,digit", 1u << 13}, {"Letter_Number,Nl", 1u << 14},
    {"Other_Number,No", 1u << 15}, {"Connector_Punctuation,Pc", 1u << 16},
    {"Dash_Punctuation,Pd", 1u << 17}, {"Close_Punctuation,Pe", 1u << 18},
    {"Final_Punctuation,Pf", 1u << 19}, {"Initial_Punctuation,Pi", 1u << 20},
    {"Other_Punctuation,Po", 1u << 21}, {"Open_Punctuation,Ps", 1u << 22},
    {"Currency_Symbol,Sc", 1u << 23}, {"Modifier_Symbol,Sk", 1u << 24},
    {"Math_Symbol,Sm", 1u << 25}, {"Other_Symbol,So", 1u << 26},
    {"Line_Separator,Zl", 1u << 27}, {"Paragraph_Separator,Zp", 1u << 28},
    {"Space_Separator,Zs", 1u << 29},
};
// clang-format on

// ECMA-262 Table 70 (Script values, Unicode 16): "Long,Short[,Extra];", long name first.
constexpr const char* kScripts =
    "Adlam,Adlm;Caucasian_Albanian,Aghb;Ahom;Arabic,Arab;Imperial_Aramaic,Armi;Armenian,Armn;"
    "Avestan,Avst;Balinese,Bali;Bamum,Bamu;Bassa_Vah,Bass;Batak,Batk;Bengali,Beng;"
    "Bhaiksuki,Bhks;Bopomofo,Bopo;Brahmi,Brah;Braille,Brai;Buginese,Bugi;Buhid,Buhd;"
    "Chakma,Cakm;Canadian_Aboriginal,Cans;Carian,Cari;Cham;Cherokee,Cher;Chorasmian,Chrs;"
    "Coptic,Copt,Qaac;Cypro_Minoan,Cpmn;Cypriot,Cprt;Cyrillic,Cyrl;Devanagari,Deva;"
    "Dives_Akuru,Diak;Dogra,Dogr;Deseret,Dsrt;Duployan,Dupl;Egyptian_Hieroglyphs,Egyp;"
    "Elbasan,Elba;Elymaic,Elym;Ethiopic,Ethi;Garay,Gara;Georgian,Geor;Glagolitic,Glag;"
    "Gunjala_Gondi,Gong;Masaram_Gondi,Gonm;Gothic,Goth;Grantha,Gran;Greek,Grek;Gujarati,Gujr;"
    "Gurung_Khema,Gukh;Gurmukhi,Guru;Hangul,Hang;Han,Hani;Hanunoo,Hano;Hatran,Hatr;"
    "Hebrew,Hebr;Hiragana,Hira;Anatolian_Hieroglyphs,Hluw;Pahawh_Hmong,Hmng;"
    "Katakana_Or_Hiragana,Hrkt;Nyiakeng_Puachue_Hmong,Hmnp;Old_Hungarian,Hung;"
    "Old_Italic,Ital;Javanese,Java;Kayah_Li,Kali;Katakana,Kana;Kawi;Kharoshthi,Khar;"
    "Khmer,Khmr;Khojki,Khoj;Khitan_Small_Script,Kits;Kannada,Knda;Kirat_Rai,Krai;Kaithi,Kthi;"
    "Tai_Tham,Lana;Lao,Laoo;Latin,Latn;Lepcha,Lepc;Limbu,Limb;Linear_A,Lina;Linear_B,Linb;"
    "Lisu;Lycian,Lyci;Lydian,Lydi;Mahajani,Mahj;Makasar,Maka;Mandaic,Mand;Manichaean,Mani;"
    "Marchen,Marc;Medefaidrin,Medf;Mende_Kikakui,Mend;Meroitic_Cursive,Merc;"
    "Meroitic_Hieroglyphs,Mero;Malayalam,Mlym;Modi;Mongolian,Mong;Mro,Mroo;Meetei_Mayek,Mtei;"
    "Multani,Mult;Myanmar,Mymr;Nag_Mundari,Nagm;Nandinagari,Nand;Old_North_Arabian,Narb;"
    "Nabataean,Nbat;Newa;Nko,Nkoo;Nushu,Nshu;Ogham,Ogam;Ol_Chiki,Olck;Ol_Onal,Onao;"
    "Old_Turkic,Orkh;Oriya,Orya;Osage,Osge;Osmanya,Osma;Old_Uyghur,Ougr;Palmyrene,Palm;"
    "Pau_Cin_Hau,Pauc;Old_Permic,Perm;Phags_Pa,Phag;Inscriptional_Pahlavi,Phli;"
    "Psalter_Pahlavi,Phlp;Phoenician,Phnx;Miao,Plrd;Inscriptional_Parthian,Prti;Rejang,Rjng;"
    "Hanifi_Rohingya,Rohg;Runic,Runr;Samaritan,Samr;Old_South_Arabian,Sarb;Saurashtra,Saur;"
    "SignWriting,Sgnw;Shavian,Shaw;Sharada,Shrd;Siddham,Sidd;Khudawadi,Sind;Sinhala,Sinh;"
    "Sogdian,Sogd;Old_Sogdian,Sogo;Sora_Sompeng,Sora;Soyombo,Soyo;Sundanese,Sund;"
    "Sunuwar,Sunu;Syloti_Nagri,Sylo;Syriac,Syrc;Tagbanwa,Tagb;Takri,Takr;Tai_Le,Tale;"
    "New_Tai_Lue,Talu;Tamil,Taml;Tangut,Tang;Tai_Viet,Tavt;Telugu,Telu;Tifinagh,Tfng;"
    "Tagalog,Tglg;Thaana,Thaa;Thai;Tibetan,Tibt;Tirhuta,Tirh;Tangsa,Tnsa;Todhri,Todr;Toto;"
    "Tulu_Tigalari,Tutg;Ugaritic,Ugar;Vai,Vaii;Vithkuqi,Vith;Warang_Citi,Wara;Wancho,Wcho;"
    "Old_Persian,Xpeo;Cuneiform,Xsux;Yezidi,Yezi;Yi,Yiii;Zanabazar_Square,Zanb;"
    "Inherited,Zinh,Qaai;Common,Zyyy;Unknown,Zzzz;";

// ECMA-262 Table 68 (binary properties), long name first.
constexpr const char* kBinaryProperties =
    "ASCII;ASCII_Hex_Digit,AHex;Alphabetic,Alpha;Any;Assigned;Bidi_Control,Bidi_C;"
    "Bidi_Mirrored,Bidi_M;Case_Ignorable,CI;Cased;Changes_When_Casefolded,CWCF;"
    "Changes_When_Casemapped,CWCM;Changes_When_Lowercased,CWL;"
    "Changes_When_NFKC_Casefolded,CWKCF;Changes_When_Titlecased,CWT;"
    "Changes_When_Uppercased,CWU;Dash;Default_Ignorable_Code_Point,DI;Deprecated,Dep;"
    "Diacritic,Dia;Emoji;Emoji_Component,EComp;Emoji_Modifier,EMod;Emoji_Modifier_Base,EBase;"
    "Emoji_Presentation,EPres;Extended_Pictographic,ExtPict;Extender,Ext;Grapheme_Base,Gr_Base;"
    "Grapheme_Extend,Gr_Ext;Hex_Digit,Hex;IDS_Binary_Operator,IDSB;IDS_Trinary_Operator,IDST;"
    "ID_Continue,IDC;ID_Start,IDS;Ideographic,Ideo;Join_Control,Join_C;"
    "Logical_Order_Exception,LOE;Lowercase,Lower;Math;Noncharacter_Code_Point,NChar;"
    "Pattern_Syntax,Pat_Syn;Pattern_White_Space,Pat_WS;Quotation_Mark,QMark;Radical;"
    "Regional_Indicator,RI;Sentence_Terminal,STerm;Soft_Dotted,SD;Terminal_Punctuation,Term;"
    "Unified_Ideograph,UIdeo;Uppercase,Upper;Variation_Selector,VS;White_Space,space;"
    "XID_Continue,XIDC;XID_Start,XIDS;";

bool in_name_list(std::string_view list, std::string_view name) {
  std::size_t start = 0;
  while (start < list.size()) {
    const std::size_t end = list.find(',', start);
    const std::size_t stop = end == std::string_view::npos ? list.size() : end;
    if (list.substr(start, stop - start) == name) return true;
    start = stop + 1;
  }
  return false;
}

// Returns the canonical (first) name of the ';'-separated group that spells `name`.
std::string_view canonical_name(std::string_view table, std::string_view name) {
  std::size_t start = 0;
  while (start < table.size()) {
    const std::size_t end = table.find(';', start);
    const std::string_view group = table.substr(start, end - start);
    if (in_name_list(group, name)) return group.substr(0, group.find(','));
    start = end + 1;
  }
  return {};
}

// Adds General_Category leaves `mask` to `out`, as a complement member if that avoids Cn.
void add_general_category(std::uint32_t mask, ClassSet& out) {
  if ((mask & (1u << kCn)) != 0) {
    out.complements.push_back(kAllLeaves & ~mask);
  } else {
    add_categories(mask, out);
  }
}

}  // namespace

void add_categories(std::uint32_t mask, ClassSet& out) {
  struct Major {
    const char* item;
    int first;
    int last;
  };
  // RE2's `\pC` is Cc|Cf|Co|Cs: ECMA's C additionally contains Cn, added as explicit ranges.
  static constexpr Major kMajors[] = {{"\\pC", 0, 4},   {"\\pL", 5, 9},   {"\\pM", 10, 12},
                                      {"\\pN", 13, 15}, {"\\pP", 16, 22}, {"\\pS", 23, 26},
                                      {"\\pZ", 27, 29}};
  for (const Major& major : kMajors) {
    std::uint32_t all = leaves(major.first, major.last);
    if (major.first == 0) all &= ~(1u << kCn);
    if ((mask & all) == all) {
      out.items += major.item;
      continue;
    }
    for (int leaf = major.first; leaf <= major.last; ++leaf) {
      if (leaf != kCn && (mask & (1u << leaf)) != 0) {
        out.items += "\\p{";
        out.items += kLeaves[leaf];
        out.items += '}';
      }
    }
  }
  if ((mask & (1u << kCn)) != 0) {
    for (const Range r : unassigned_ranges()) out.add(r.lo, r.hi);
  }
}

// Resolves the body of `\p{body}` into `out` (only when `build`); `why` explains failures.
Status resolve_property(std::string_view body, bool negated, bool build, ClassSet& out,
                        std::string& why) {
  const std::size_t eq = body.find('=');
  const std::string_view name = eq == std::string_view::npos ? body : body.substr(0, eq);
  const std::string_view value = eq == std::string_view::npos ? body : body.substr(eq + 1);
  const auto general_category = [&]() {
    for (const GcValue& gc : kGeneralCategories) {
      if (!in_name_list(gc.names, value)) continue;
      if (build) add_general_category(negated ? (kAllLeaves & ~gc.mask) : gc.mask, out);
      return Status::kOk;
    }
    return Status::kInvalid;
  };
  if (value.empty()) return Status::kInvalid;
  if (eq != std::string_view::npos) {
    if (name == "General_Category" || name == "gc") return general_category();
    const bool extensions = name == "Script_Extensions" || name == "scx";
    if (!extensions && name != "Script" && name != "sc") return Status::kInvalid;
    const std::string_view script = canonical_name(kScripts, value);
    if (script.empty()) return Status::kInvalid;
    if (extensions) {
      why = "Script_Extensions (RE2 has no Script_Extensions tables)";
      return Status::kUnsupported;
    }
    const std::string item = std::string(negated ? "\\P{" : "\\p{") + std::string(script) + "}";
    if (!RE2(item, quiet_options()).ok()) {
      why = "Script=" + std::string(script) + " (not in RE2's Unicode tables)";
      return Status::kUnsupported;
    }
    if (build) out.items += item;
    return Status::kOk;
  }
  if (general_category() == Status::kOk) return Status::kOk;
  const std::string_view binary = canonical_name(kBinaryProperties, value);
  if (binary.empty()) return Status::kInvalid;
  if (!build) {
    if (binary == "Any" || binary == "ASCII" || binary == "ASCII_Hex_Digit" ||
        binary == "Assigned" || binary == "Hex_Digit" || binary == "White_Space") {
      return Status::kOk;
    }
  } else if (binary == "Assigned") {
    add_general_category(negated ? (1u << kCn) : (kAllLeaves & ~(1u << kCn)), out);
    return Status::kOk;
  } else {
    ClassSet set;
    if (binary == "Any") {
      set.add(0, kMaxCodePoint);
    } else if (binary == "ASCII") {
      set.add(0, 0x7F);
    } else if (binary == "ASCII_Hex_Digit" || binary == "Hex_Digit") {
      set.add('0', '9');
      set.add('A', 'F');
      set.add('a', 'f');
      if (binary == "Hex_Digit") {
        set.add(0xFF10, 0xFF19);
        set.add(0xFF21, 0xFF26);
        set.add(0xFF41, 0xFF46);
      }
    } else if (binary == "White_Space") {
      for (const Range r : kWhiteSpace) {
        if (r.lo != 0xFEFF) set.add(r.lo, r.hi);
      }
      set.add(0x85, 0x85);
    }
    if (!set.ranges.empty()) {
      out.add(negated ? complement(set.ranges) : set);
      return Status::kOk;
    }
  }
  why = "binary property " + std::string(binary) + " (RE2 has no table for it)";
  return Status::kUnsupported;
}

// --- Group names ---------------------------------------------------------------------------

namespace {

bool matches_one(const RE2& re, char32_t c) {
  std::string s;
  append_utf8(s, c);
  return RE2::FullMatch(s, re);
}

}  // namespace

// ID_Start and ID_Continue derived as in UAX #31 from RE2's General_Category tables.
bool is_id_start(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c) || c == '$' || c == '_';
  static const RE2 re("[\\pL\\p{Nl}\\x{1885}\\x{1886}\\x{2118}\\x{212E}\\x{309B}\\x{309C}]",
                      quiet_options());
  return c != 0x2E2F && matches_one(re, c);
}
bool is_id_continue(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '$' || c == '_';
  if (c == 0x200C || c == 0x200D) return true;
  static const RE2 re(
      "[\\pL\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}\\x{1885}\\x{1886}\\x{2118}\\x{212E}\\x{309B}"
      "\\x{309C}\\x{B7}\\x{387}\\x{1369}-\\x{1371}\\x{19DA}]",
      quiet_options());
  return c != 0x2E2F && matches_one(re, c);
}

}  // namespace ecma
}  // namespace lotse::schema::detail
