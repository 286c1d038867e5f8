// Validation of ECMA-262 Unicode-mode patterns and their translation into RE2 syntax.
//
// One left-to-right pass over the pattern with an explicit group stack (no recursion, so
// nesting depth cannot overflow the C stack). The grammar is ECMA-262 2025 §22.2.1 with the
// [UnicodeMode] parameter set (no Annex B leniency), plus ES2025 duplicate named groups and
// modifiers `(?ims-ims:...)`. docs/ecma-regex.md documents the translation table.
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/ecma_regex.hpp"

namespace lotse::schema::detail {
namespace {

constexpr std::size_t kMaxDepth = 1000;        // group nesting compile() accepts
constexpr std::uint32_t kRe2MaxRepeat = 1000;  // RE2's limit for {n,m}
constexpr std::uint32_t kMaxRepeat = 100000;   // larger counts are split into chunks
constexpr std::size_t kMaxTranslatedBytes = 2u << 20;
constexpr std::size_t kMaxClassWeight = 1000;  // Unicode property tables RE2 must parse
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr const char* kNoMatch = "[^\\x{0}-\\x{10FFFF}]";
constexpr const char* kAnyChar = "[\\x{0}-\\x{10FFFF}]";

struct Range {
  char32_t lo;
  char32_t hi;
};

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }
bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_ascii_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

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

// A code point in RE2 syntax, valid both inside and outside a character class.
void append_re2_char(std::string& out, char32_t c) {
  if (is_ascii_alnum(c)) {
    out += static_cast<char>(c);
  } else if (c >= 0x20 && c < 0x7F) {
    out += '\\';  // RE2 reads backslash + ASCII punctuation (or space) as that literal
    out += static_cast<char>(c);
  } else {
    static constexpr char kHex[] = "0123456789ABCDEF";
    char buf[8];
    int n = 0;
    do {
      buf[n++] = kHex[c & 0xF];
      c >>= 4;
    } while (c != 0);
    out += "\\x{";
    while (n > 0) out += buf[--n];
    out += '}';
  }
}

// A union of code points: explicit ranges, RE2 class items such as `\pL` or `\d`, and
// "complement members", each the complement of a set of General_Category leaves (see
// add_property). Surrogates are dropped: UTF-8 text cannot contain them.
struct ClassSet {
  std::vector<Range> ranges;
  std::string items;
  std::vector<std::uint32_t> complements;  // leaf masks, never containing Cn

  void add(char32_t lo, char32_t hi) {
    if (hi < 0xD800 || lo > 0xDFFF) {
      ranges.push_back({lo, hi});
      return;
    }
    if (lo < 0xD800) ranges.push_back({lo, 0xD7FF});
    if (hi > 0xDFFF) ranges.push_back({0xE000, hi});
  }
  void add(const ClassSet& other) {
    ranges.insert(ranges.end(), other.ranges.begin(), other.ranges.end());
    items += other.items;
    complements.insert(complements.end(), other.complements.begin(), other.complements.end());
  }
};

std::vector<Range> normalized(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](Range a, Range b) { return a.lo < b.lo; });
  std::vector<Range> out;
  for (const Range r : ranges) {
    if (!out.empty() && r.lo <= out.back().hi + 1) {
      out.back().hi = std::max(out.back().hi, r.hi);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

ClassSet complement(const std::vector<Range>& ranges) {
  ClassSet out;
  char32_t next = 0;
  for (const Range r : normalized(ranges)) {
    if (r.lo > next) out.add(next, r.lo - 1);
    next = r.hi + 1;
  }
  if (next <= kMaxCodePoint) out.add(next, kMaxCodePoint);
  return out;
}

// Renders ranges and items (not complement members) as one RE2 character class.
std::string render_union(const ClassSet& set, bool negated) {
  const std::vector<Range> ranges = normalized(set.ranges);
  if (ranges.empty() && set.items.empty()) return negated ? kAnyChar : kNoMatch;
  std::string out = negated ? "[^" : "[";
  out += set.items;
  for (const Range r : ranges) {
    append_re2_char(out, r.lo);
    if (r.hi != r.lo) {
      out += '-';
      append_re2_char(out, r.hi);
    }
  }
  out += ']';
  return out;
}

// ECMA-262 WhiteSpace and LineTerminator (`\s`), Unicode 14 Space_Separator included.
constexpr Range kWhiteSpace[] = {
    {0x09, 0x0D},     {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
    {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};

ClassSet whitespace(bool negated) {
  ClassSet set;
  for (const Range r : kWhiteSpace) set.add(r.lo, r.hi);
  return negated ? complement(set.ranges) : set;
}

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

// --- Unicode property escapes (\p{...}, \P{...}) --------------------------------------------

// The 30 leaf General_Category values; values such as L or LC are unions of leaves.
constexpr const char* kLeaves[] = {"Cc", "Cf", "Cn", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu",
                                   "Mc", "Me", "Mn", "Nd", "Nl", "No", "Pc", "Pd", "Pe", "Pf",
                                   "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs"};
constexpr int kCn = 2;
constexpr std::uint32_t kAllLeaves = (1u << 30) - 1;
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

enum class Status { kOk, kInvalid, kUnsupported };

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

// Renders `set` (or its complement) as one RE2 atom. A complement member M is rendered as
// `[^M]`, so `\P{L}` needs no table of unassigned code points; where that is impossible (in a
// negated class: RE2 has no intersection) or wrong (under `i`: RE2 folds case before it
// complements, ECMA after), M is replaced by the union of the other categories, Cn included.
// `weight` grows by the RE2 parsing cost of the result, in Unicode property tables parsed.
std::string render(ClassSet set, bool negated, bool ignore_case, std::size_t& weight) {
  if (!set.complements.empty() && (negated || ignore_case)) {
    for (const std::uint32_t mask : set.complements) add_categories(kAllLeaves & ~mask, set);
    set.complements.clear();
  }
  const auto tables = [](std::string_view items) {  // counts \p.. and \P.. items
    std::size_t n = 0;
    for (std::size_t k = 0; k + 1 < items.size(); ++k) {
      if (items[k] == '\\' && (items[k + 1] == 'p' || items[k + 1] == 'P')) ++n;
    }
    return n;
  };
  weight += tables(set.items) + set.ranges.size() / 64;
  if (set.complements.empty()) return render_union(set, negated);
  const bool alone = set.ranges.empty() && set.items.empty() && set.complements.size() == 1;
  std::string out = "(?:";
  if (!set.ranges.empty() || !set.items.empty()) out += render_union(set, false) + "|";
  for (const std::uint32_t mask : set.complements) {
    ClassSet members;
    add_categories(mask, members);
    weight += tables(members.items);
    out += members.items.empty() ? kAnyChar : "[^" + members.items + "]";
    out += '|';
  }
  if (alone) return out.substr(3, out.size() - 4);
  out.back() = ')';
  return out;
}

// Adds General_Category leaves `mask` to `out`, as a complement member if that avoids Cn.
void add_general_category(std::uint32_t mask, ClassSet& out) {
  if ((mask & (1u << kCn)) != 0) {
    out.complements.push_back(kAllLeaves & ~mask);
  } else {
    add_categories(mask, out);
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

bool matches_one(const RE2& re, char32_t c) {
  std::string s;
  append_utf8(s, c);
  return RE2::FullMatch(s, re);
}

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

// --- The scanner ---------------------------------------------------------------------------

enum Flag : std::uint8_t { kIgnoreCase = 1, kMultiline = 2, kDotAll = 4 };

struct NameSets {
  std::set<std::string> alternative;  // names in the current alternative of the group
  std::set<std::string> finished;     // names in its finished alternatives
};

enum class GroupKind : std::uint8_t { kRoot, kCapture, kPlain, kLookahead, kLookbehind };

struct Frame {
  GroupKind kind = GroupKind::kRoot;
  bool negative = false;   // lookaround polarity
  bool extracted = false;  // leading lookahead: its body becomes a Branch condition
  std::uint8_t flags = 0;  // modifiers active inside the group
  std::size_t offset = 0;  // byte offset of '('
  std::size_t out_start = 0;
  std::string name;
  std::unique_ptr<NameSets> names;
};

// Moves `from` into `into` (small into large); with `disjoint`, a shared name is an error.
bool merge_names(std::set<std::string>& into, std::set<std::string>& from, bool disjoint,
                 std::string& duplicate) {
  if (into.size() < from.size()) std::swap(into, from);
  for (const std::string& name : from) {
    if (!into.insert(name).second && disjoint) {
      duplicate = name;
      return false;
    }
  }
  from.clear();
  return true;
}

struct Escape {
  enum Kind { kChar, kSet, kWordBoundary, kBackreference } kind = kChar;
  char32_t cp = 0;
  bool negative = false;
  ClassSet set;
};

class Scanner {
 public:
  Scanner(std::string_view pattern, bool translate) : p_(pattern), tr_(translate) {}

  Analysis run() {
    for (std::size_t pos = 0; pos < p_.size();) {
      const Utf8Char ch = decode_utf8(p_, pos);
      if (!ch.ok) {
        fail("invalid UTF-8", pos);
        return finish();
      }
      pos += ch.len;
    }
    frames_.emplace_back();
    while (i_ < p_.size() && a_.syntax_error.empty()) {
      step();
      if (tr_ && translated_bytes_ + out_.size() > kMaxTranslatedBytes) {
        unsupported("the translated pattern exceeds 2 MiB", i_);
      }
    }
    if (a_.syntax_error.empty()) finish_pattern();
    return finish();
  }

 private:
  void finish_pattern() {
    if (frames_.size() > 1) {
      fail("unterminated group", frames_.back().offset);
      return;
    }
    for (const auto& [number, offset] : backrefs_) {
      if (number > captures_) {
        fail("backreference to a group that does not exist", offset);
        return;
      }
    }
    for (const auto& [name, offset] : named_backrefs_) {
      if (all_names_.count(name) == 0) {
        fail("\\k<" + name + "> names no group", offset);
        return;
      }
    }
    end_branch();
  }

  int at(std::size_t k) const { return k < p_.size() ? static_cast<unsigned char>(p_[k]) : -1; }
  Frame& top() { return frames_.back(); }
  // Records a syntax error (the first one wins) and returns false.
  bool fail(const std::string& what, std::size_t offset) {
    if (a_.syntax_error.empty()) {
      a_.syntax_error = "at offset " + std::to_string(offset) + ": " + what;
    }
    return false;
  }
  Analysis finish() {
    if (!a_.syntax_error.empty() || !a_.unsupported.empty()) a_.branches.clear();
    return std::move(a_);
  }
  void unsupported(const std::string& what, std::size_t offset) {
    if (a_.unsupported.empty()) {
      a_.unsupported = "at offset " + std::to_string(offset) + ": " + what;
    }
    tr_ = false;
    out_.clear();
  }
  void emit(std::string_view s) {
    if (tr_) out_ += s;
  }
  void begin_atom() {
    atom_start_ = out_.size();
    last_ = Last::kAtom;
  }
  void emit_char(char32_t c) {
    begin_atom();
    if (!tr_) return;
    if (is_surrogate(c)) {
      out_ += kNoMatch;  // a lone surrogate never occurs in UTF-8 text
    } else {
      append_re2_char(out_, c);
    }
  }
  void emit_class(ClassSet set, bool negated) {
    out_ += render(std::move(set), negated, (top().flags & kIgnoreCase) != 0, class_weight_);
    if (class_weight_ > kMaxClassWeight) {
      unsupported("more than 1000 Unicode property classes (RE2 compile time)", i_);
    }
  }
  void end_branch() {
    translated_bytes_ += out_.size();
    a_.branches.push_back(Branch{std::move(lookaheads_), std::move(out_)});
    lookaheads_.clear();
    out_.clear();
    prefix_ = Prefix::kStart;
    last_ = Last::kNone;
  }

  void step() {
    const std::size_t start = i_;
    const int c = at(i_);
    const bool top_level = frames_.size() == 1;
    if (top_level && c != '^' && c != '|' && c != '(') prefix_ = Prefix::kClosed;
    switch (c) {
      case '|':
        ++i_;
        if (top().names) {
          std::string unused;
          merge_names(top().names->finished, top().names->alternative, false, unused);
        }
        if (top_level) {
          end_branch();
        } else {
          emit("|");
          last_ = Last::kNone;
        }
        return;
      case '(':
        return open_group();
      case ')':
        return close_group();
      case '^':
      case '$':
        ++i_;
        if ((top().flags & kMultiline) != 0) {
          unsupported(std::string("'") + static_cast<char>(c) + "' under the m modifier", start);
        }
        if (top_level && c == '^' && prefix_ != Prefix::kClosed) prefix_ = Prefix::kAfterCaret;
        emit(c == '^' ? "^" : "$");
        last_ = Last::kAssertion;
        return;
      case '.':
        ++i_;
        begin_atom();
        emit((top().flags & kDotAll) != 0 ? kAnyChar : "[^\\n\\r\\x{2028}\\x{2029}]");
        return;
      case '[':
        return parse_class();
      case '\\':
        return parse_atom_escape();
      case '*':
      case '+':
      case '?':
      case '{':
        return parse_quantifier();
      case '}':
      case ']':
        fail(std::string("lone '") + static_cast<char>(c) + "'", start);
        return;
      default: {
        const Utf8Char ch = decode_utf8(p_, i_);
        i_ += ch.len;
        emit_char(ch.cp);
      }
    }
  }

  // --- quantifiers ---

  // Reads DecimalDigits; `value` saturates, `digits` keeps the exact number (no leading 0s).
  bool parse_decimal(std::uint32_t& value, std::string_view* digits = nullptr) {
    if (at(i_) < '0' || at(i_) > '9') return false;
    std::uint64_t v = 0;
    while (at(i_) == '0') ++i_;
    const std::size_t first = i_;
    while (at(i_) >= '0' && at(i_) <= '9') {
      v = std::min<std::uint64_t>(v * 10 + static_cast<std::uint64_t>(at(i_) - '0'), 1u << 31);
      ++i_;
    }
    value = static_cast<std::uint32_t>(v);
    if (digits != nullptr) *digits = p_.substr(first, i_ - first);
    return true;
  }

  void parse_quantifier() {
    const std::size_t start = i_;
    std::uint32_t min = 0;
    std::uint32_t max = 0;
    std::string_view min_digits = "0";
    std::string_view max_digits = "0";
    bool unbounded = false;
    switch (at(i_)) {
      case '*':
        unbounded = true;
        ++i_;
        break;
      case '+':
        min = 1;
        unbounded = true;
        ++i_;
        break;
      case '?':
        max = 1;
        ++i_;
        break;
      default:  // '{'
        ++i_;
        if (!parse_decimal(min, &min_digits)) {
          fail("lone '{' (not a quantifier)", start);
          return;
        }
        max = min;
        max_digits = min_digits;
        if (at(i_) == ',') {
          ++i_;
          unbounded = !parse_decimal(max, &max_digits);
        }
        if (at(i_) != '}') {
          fail("lone '{' (not a quantifier)", start);
          return;
        }
        ++i_;
    }
    const bool lazy = at(i_) == '?';
    if (lazy) ++i_;
    if (last_ == Last::kAssertion) {
      fail("quantifier after an assertion", start);
      return;
    }
    if (last_ != Last::kAtom) {
      fail("nothing to repeat", start);
      return;
    }
    const bool out_of_order = min_digits.size() != max_digits.size()
                                  ? min_digits.size() > max_digits.size()
                                  : min_digits > max_digits;
    if (!unbounded && out_of_order) {
      fail("numbers out of order in {} quantifier", start);
      return;
    }
    last_ = Last::kQuantified;
    if (!tr_) return;
    const std::string suffix = lazy ? "?" : "";
    const auto braces = [](std::uint32_t lo, std::uint32_t hi) {
      return "{" + std::to_string(lo) + (lo == hi ? "" : "," + std::to_string(hi)) + "}";
    };
    if (min <= kRe2MaxRepeat && (unbounded || max <= kRe2MaxRepeat)) {
      if (unbounded) {
        out_ += min == 0 ? "*" : min == 1 ? "+" : "{" + std::to_string(min) + ",}";
      } else {
        out_ += (min == 0 && max == 1) ? "?" : braces(min, max);
      }
      out_ += suffix;
      return;
    }
    // RE2 caps counts at 1000; a sequence of chunks of at most 1000 matches the same strings.
    const std::uint32_t largest = unbounded ? min : max;
    const std::string atom = out_.substr(atom_start_);
    const std::size_t chunks = largest / kRe2MaxRepeat + 2;
    if (largest > kMaxRepeat || chunks * (atom.size() + 12) > kMaxTranslatedBytes) {
      unsupported(
          "repetition count " + std::string(unbounded ? min_digits : max_digits) + " is too large",
          start);
      return;
    }
    out_.resize(atom_start_);
    for (std::uint32_t left = min; left > 0;) {
      const std::uint32_t n = std::min(left, kRe2MaxRepeat);
      out_ += atom + braces(n, n) + suffix;
      left -= n;
    }
    if (unbounded) {
      out_ += atom + "*" + suffix;
    } else {
      for (std::uint32_t left = max - min; left > 0;) {
        const std::uint32_t n = std::min(left, kRe2MaxRepeat);
        out_ += atom + braces(0, n) + suffix;
        left -= n;
      }
    }
  }

  // --- groups ---

  bool parse_group_name(std::string& name) {
    // at i_: first character of RegExpIdentifierName; consumes through '>'
    const std::size_t start = i_;
    bool first = true;
    while (at(i_) != '>') {
      if (at(i_) < 0) return fail("unterminated group name", start);
      char32_t c = 0;
      const std::size_t char_start = i_;
      if (at(i_) == '\\') {
        ++i_;
        if (at(i_) != 'u' || !parse_unicode_escape(c)) {
          return fail("invalid escape in group name", char_start);
        }
      } else {
        const Utf8Char ch = decode_utf8(p_, i_);
        c = ch.cp;
        i_ += ch.len;
      }
      if (first ? !is_id_start(c) : !is_id_continue(c)) {
        return fail("invalid character in group name", char_start);
      }
      append_utf8(name, c);
      first = false;
    }
    if (first) return fail("empty group name", start);
    ++i_;
    return true;
  }

  void open_group() {
    Frame f;
    f.offset = i_;
    f.flags = top().flags;
    f.kind = GroupKind::kCapture;
    ++i_;
    if (at(i_) == '?') {
      const int c = at(i_ + 1);
      if (c == ':') {
        f.kind = GroupKind::kPlain;
        i_ += 2;
      } else if (c == '=' || c == '!') {
        f.kind = GroupKind::kLookahead;
        f.negative = c == '!';
        i_ += 2;
      } else if (c == '<' && (at(i_ + 2) == '=' || at(i_ + 2) == '!')) {
        f.kind = GroupKind::kLookbehind;
        f.negative = at(i_ + 2) == '!';
        i_ += 3;
      } else if (c == '<') {
        i_ += 2;
        if (!parse_group_name(f.name)) return;
        all_names_.insert(f.name);
      } else if (!parse_modifiers(f)) {
        return;
      }
    }
    if (f.kind == GroupKind::kCapture) ++captures_;
    const bool top_level = frames_.size() == 1;
    if (top_level) {
      if (f.kind == GroupKind::kLookahead && prefix_ == Prefix::kAfterCaret) {
        f.extracted = true;
      } else {
        prefix_ = Prefix::kClosed;
      }
    }
    if (f.kind == GroupKind::kLookbehind) {
      unsupported(
          std::string("lookbehind '(?<") + (f.negative ? "!" : "=") + "' (RE2 has no lookaround)",
          f.offset);
    } else if (f.kind == GroupKind::kLookahead && !f.extracted) {
      unsupported(std::string("lookahead '(?") + (f.negative ? "!" : "=") +
                      "' (only supported at the start of a top-level alternative, directly "
                      "after '^')",
                  f.offset);
    }
    if (frames_.size() > kMaxDepth) unsupported("groups nested deeper than 1000", f.offset);
    f.out_start = out_.size();
    if (f.kind == GroupKind::kCapture) {
      emit("(");  // compiled with never_capture: all groups are non-capturing in RE2
    } else if (f.kind == GroupKind::kPlain) {
      const bool was = (top().flags & kIgnoreCase) != 0;
      const bool is = (f.flags & kIgnoreCase) != 0;
      emit(was == is ? "(?:" : is ? "(?i:" : "(?-i:");
    }
    last_ = Last::kNone;
    frames_.push_back(std::move(f));
  }

  // After "(?": the ES2025 modifiers `ims` [`-` `ims`] `:`.
  bool parse_modifiers(Frame& f) {
    const std::size_t start = f.offset;
    std::uint8_t add = 0;
    std::uint8_t remove = 0;
    bool dash = false;
    for (++i_;; ++i_) {
      const int c = at(i_);
      const std::uint8_t bit = c == 'i'   ? kIgnoreCase
                               : c == 'm' ? kMultiline
                               : c == 's' ? kDotAll
                                          : 0;
      if (bit != 0) {
        if (((add | remove) & bit) != 0) return fail("repeated modifier flag", i_);
        (dash ? remove : add) |= bit;
      } else if (c == '-' && !dash) {
        dash = true;
      } else if (c == ':') {
        break;
      } else {
        return fail("invalid group '(?'", start);
      }
    }
    ++i_;
    if (add == 0 && remove == 0) return fail("modifier group without flags", start);
    f.kind = GroupKind::kPlain;
    f.flags = static_cast<std::uint8_t>((f.flags | add) & ~remove);
    return true;
  }

  void close_group() {
    if (frames_.size() == 1) {
      fail("unmatched ')'", i_);
      return;
    }
    ++i_;
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (!close_names(f)) return;
    if (f.extracted) {
      if (tr_) {
        lookaheads_.push_back(Lookahead{f.negative, out_.substr(f.out_start)});
        out_.resize(f.out_start);
      }
      last_ = Last::kAssertion;
    } else if (f.kind == GroupKind::kLookahead || f.kind == GroupKind::kLookbehind) {
      last_ = Last::kAssertion;  // not quantifiable in Unicode mode
    } else {
      emit(")");
      last_ = Last::kAtom;
      atom_start_ = f.out_start;
    }
  }

  // ES2025 duplicate named groups: one name may appear only in different alternatives.
  bool close_names(Frame& f) {
    if (!f.names && f.name.empty()) return true;
    std::set<std::string> inside;
    std::string duplicate;
    if (f.names) {
      merge_names(f.names->finished, f.names->alternative, false, duplicate);
      inside.swap(f.names->finished);
    }
    if (!f.name.empty() && !inside.insert(f.name).second) duplicate = f.name;
    if (duplicate.empty()) {
      if (!top().names) top().names = std::make_unique<NameSets>();
      if (merge_names(top().names->alternative, inside, true, duplicate)) return true;
    }
    fail("duplicate group name '" + duplicate + "'", f.offset);
    return false;
  }

  // --- escapes ---

  // At i_ == 'u' (after the backslash): \uXXXX, \uLead\uTrail, \u{X...}.
  bool parse_unicode_escape(char32_t& cp) {
    if (at(i_ + 1) == '{') {
      std::size_t k = i_ + 2;
      std::uint32_t v = 0;
      bool any = false;
      for (; hex_value(at(k)) >= 0; ++k) {
        v = std::min<std::uint32_t>(v * 16 + static_cast<std::uint32_t>(hex_value(at(k))),
                                    kMaxCodePoint + 1);
        any = true;
      }
      if (!any || at(k) != '}' || v > kMaxCodePoint) return false;
      cp = v;
      i_ = k + 1;
      return true;
    }
    const auto hex4 = [&](std::size_t k, char32_t& out) {
      out = 0;
      for (std::size_t j = k; j < k + 4; ++j) {
        if (hex_value(at(j)) < 0) return false;
        out = out * 16 + static_cast<char32_t>(hex_value(at(j)));
      }
      return true;
    };
    if (!hex4(i_ + 1, cp)) return false;
    i_ += 5;
    char32_t trail = 0;
    if (cp >= 0xD800 && cp <= 0xDBFF && at(i_) == '\\' && at(i_ + 1) == 'u' &&
        hex4(i_ + 2, trail) && trail >= 0xDC00 && trail <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (trail - 0xDC00);
      i_ += 6;
    }
    return true;
  }

  // At i_ == '\\'. Parses CharacterEscape, CharacterClassEscape and (outside classes)
  // AtomEscape; on a syntax error returns false with the error recorded.
  bool parse_escape(bool in_class, Escape& e) {
    const std::size_t start = i_;
    ++i_;
    const int c = at(i_);
    const auto invalid = [&](const char* what) { return fail(what, start); };
    if (c < 0) return invalid("'\\' at end of pattern");
    ++i_;
    e.kind = Escape::kChar;
    switch (c) {
      case 'b':
        if (in_class) {
          e.cp = 0x08;
        } else {
          e.kind = Escape::kWordBoundary;
        }
        return true;
      case 'B':
        if (in_class) return invalid("invalid escape '\\B' in character class");
        e.kind = Escape::kWordBoundary;
        e.negative = true;
        return true;
      case 'd':
      case 'D':
        e.kind = Escape::kSet;
        e.set.items = c == 'd' ? "\\d" : "\\D";
        return true;
      case 'w':
      case 'W':
        e.kind = Escape::kSet;
        e.set.items = c == 'w' ? "\\w" : "\\W";
        return true;
      case 's':
      case 'S':
        e.kind = Escape::kSet;
        e.set = whitespace(c == 'S');
        return true;
      case 'p':
      case 'P': {
        e.kind = Escape::kSet;
        const std::size_t close = p_.find('}', i_);
        if (at(i_) != '{' || close == std::string_view::npos) {
          return invalid("invalid property escape");
        }
        const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
        i_ = close + 1;
        std::string why;
        switch (resolve_property(body, c == 'P', tr_, e.set, why)) {
          case Status::kOk:
            // RE2 folds case before complementing \P{Script}; ECMA complements first.
            if (e.set.items.rfind("\\P{", 0) == 0 && (top().flags & kIgnoreCase) != 0) {
              unsupported("\\P{" + std::string(body) + "} under the i modifier", start);
            }
            return true;
          case Status::kInvalid:
            return invalid("invalid property name");
          case Status::kUnsupported:
            unsupported("property escape \\" + std::string(1, static_cast<char>(c)) + "{" +
                            std::string(body) + "}: " + why,
                        start);
            return true;
        }
        return true;
      }
      case 'k': {
        if (in_class) return invalid("invalid escape '\\k' in character class");
        e.kind = Escape::kBackreference;
        if (at(i_) != '<') return invalid("'\\k' must be followed by <name>");
        ++i_;
        std::string name;
        if (!parse_group_name(name)) return false;
        named_backrefs_.emplace_back(std::move(name), start);
        return true;
      }
      case '0':
        if (at(i_) >= '0' && at(i_) <= '9') return invalid("invalid decimal escape");
        e.cp = 0;
        return true;
      case 'f':
        e.cp = 0x0C;
        return true;
      case 'n':
        e.cp = 0x0A;
        return true;
      case 'r':
        e.cp = 0x0D;
        return true;
      case 't':
        e.cp = 0x09;
        return true;
      case 'v':
        e.cp = 0x0B;
        return true;
      case 'c':
        if (!is_ascii_letter(static_cast<char32_t>(at(i_)))) return invalid("invalid '\\c' escape");
        e.cp = static_cast<char32_t>(at(i_) % 32);
        ++i_;
        return true;
      case 'x':
        if (hex_value(at(i_)) < 0 || hex_value(at(i_ + 1)) < 0) {
          return invalid("invalid '\\x' escape");
        }
        e.cp = static_cast<char32_t>(hex_value(at(i_)) * 16 + hex_value(at(i_ + 1)));
        i_ += 2;
        return true;
      case 'u':
        --i_;
        if (!parse_unicode_escape(e.cp)) return invalid("invalid Unicode escape");
        return true;
      case '-':
        if (!in_class) return invalid("invalid identity escape '\\-' outside a character class");
        e.cp = '-';
        return true;
      case '^':
      case '$':
      case '\\':
      case '.':
      case '*':
      case '+':
      case '?':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '|':
      case '/':
        e.cp = static_cast<char32_t>(c);
        return true;
      default:
        if (c >= '1' && c <= '9' && !in_class) {
          --i_;
          std::uint32_t number = 0;
          parse_decimal(number);
          e.kind = Escape::kBackreference;
          backrefs_.emplace_back(number, start);
          return true;
        }
        std::string text = "invalid escape '\\";
        text.append(p_.substr(start + 1, decode_utf8(p_, start + 1).len));
        return fail(text + "'", start);
    }
  }

  void parse_atom_escape() {
    const std::size_t start = i_;
    Escape e;
    if (!parse_escape(false, e)) return;
    switch (e.kind) {
      case Escape::kChar:
        emit_char(e.cp);
        return;
      case Escape::kSet:
        begin_atom();
        if (tr_) emit_class(std::move(e.set), false);
        return;
      case Escape::kWordBoundary:
        if ((top().flags & kIgnoreCase) != 0) {
          unsupported("word boundary under the i modifier", start);
        }
        if (e.negative) a_.has_non_word_boundary = true;
        emit(e.negative ? "\\B" : "\\b");
        last_ = Last::kAssertion;
        return;
      case Escape::kBackreference:
        unsupported("backreference (not evaluable in linear time)", start);
        begin_atom();
        return;
    }
  }

  // --- character classes ---

  void parse_class() {
    const std::size_t start = i_;
    ++i_;
    const bool negated = at(i_) == '^';
    if (negated) ++i_;
    ClassSet set;
    std::size_t compact_at = 4096;
    // Reads one ClassAtom; `is_char` tells whether it is a single code point.
    const auto atom = [&](Escape& e) {
      if (at(i_) == '\\') return parse_escape(true, e);
      const Utf8Char ch = decode_utf8(p_, i_);
      i_ += ch.len;
      e.kind = Escape::kChar;
      e.cp = ch.cp;
      return true;
    };
    while (true) {
      if (at(i_) < 0) {
        fail("unterminated character class", start);
        return;
      }
      if (at(i_) == ']') break;
      const std::size_t atom_start = i_;
      Escape first;
      if (!atom(first)) return;
      if (at(i_) == '-' && at(i_ + 1) != ']' && at(i_ + 1) >= 0) {
        ++i_;
        Escape last;
        if (!atom(last)) return;
        if (first.kind != Escape::kChar || last.kind != Escape::kChar) {
          fail("character class escape used as a range bound", atom_start);
          return;
        }
        if (first.cp > last.cp) {
          fail("range out of order in character class", atom_start);
          return;
        }
        set.add(first.cp, last.cp);
      } else if (first.kind == Escape::kChar) {
        set.add(first.cp, first.cp);
      } else if (tr_) {
        set.add(first.set);
      }
      if (tr_ && set.ranges.size() > compact_at) {  // e.g. many \p{Cn} in one class
        set.ranges = normalized(std::move(set.ranges));
        compact_at = 2 * set.ranges.size() + 4096;
      }
      if (tr_ && set.items.size() > kMaxTranslatedBytes) {
        unsupported("the translated pattern exceeds 2 MiB", start);
      }
    }
    ++i_;
    begin_atom();
    if (tr_) emit_class(std::move(set), negated);
  }

  enum class Last { kNone, kAtom, kQuantified, kAssertion };
  enum class Prefix { kStart, kAfterCaret, kClosed };

  std::string_view p_;
  bool tr_;
  std::size_t i_ = 0;
  Analysis a_;
  std::vector<Frame> frames_;
  std::string out_;
  std::vector<Lookahead> lookaheads_;
  Last last_ = Last::kNone;
  Prefix prefix_ = Prefix::kStart;
  std::size_t atom_start_ = 0;
  std::size_t translated_bytes_ = 0;
  std::size_t class_weight_ = 0;
  std::uint32_t captures_ = 0;
  std::set<std::string> all_names_;
  std::vector<std::pair<std::uint32_t, std::size_t>> backrefs_;
  std::vector<std::pair<std::string, std::size_t>> named_backrefs_;
};

}  // namespace

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

Analysis analyze(std::string_view pattern, bool translate) {
  return Scanner(pattern, translate).run();
}

}  // namespace lotse::schema::detail
