// Small XML helpers of the spreadsheet readers (xlsx.cc, ods.cc): tags and text split
// out of streamed XML in place, a tag's name and an attribute's value. Internal to
// src/scan/input/. Pure; never fail (malformed XML gives odd pieces, never a crash).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "scan/tokenize/byte_finder.h"

namespace bd::scan::input {

// Names are a few bytes: a loop, where the library's searches cost a call each (a
// sheet has four tags per cell).
inline std::string_view tag_name(std::string_view tag) {  // tag without '<' '>'
  std::size_t end = 0;
  std::size_t colon = std::string_view::npos;  // namespaced prefixes (x:row)
  for (; end < tag.size(); ++end) {
    const char c = tag[end];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/') break;
    if (c == ':' && colon == std::string_view::npos) colon = end;
  }
  return colon == std::string_view::npos ? tag.substr(0, end) : tag.substr(colon + 1, end - colon - 1);
}

inline std::string_view attribute(std::string_view tag, std::string_view name) {
  std::size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    std::size_t eq = at + name.size();
    if (starts && eq + 1 < tag.size() && tag[eq] == '=' && (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
      std::size_t close = tag.find(tag[eq + 1], eq + 2);
      if (close != std::string_view::npos) return tag.substr(eq + 2, close - eq - 2);
    }
    at = eq;
  }
  return {};
}

// Splits XML into tags and text: calls on_tag(tag) for each whole tag (without '<' and
// '>') and on_text(text) for the text between tags, in place in `xml`, finding the
// brackets 64 bytes at a time. A tag cut by the end of `xml` waits in `pending` for the
// next call (text is handed out as it comes, in pieces where a chunk cuts it); a "tag"
// of more than a megabyte is garbage and dropped. At each '<', try_whole(xml, at) may
// read a whole element itself and return where it ends (npos: it did not).
template <typename OnTag, typename OnText, typename TryWhole>
void split_xml(std::string& pending, std::string_view xml, OnTag on_tag, OnText on_text, TryWhole try_whole) {
  constexpr std::size_t kMaxPending = 1u << 20;
  static constexpr tokenize::Needles kBrackets{{{'<', '<', '<', '<'}, {'>', '>', '>', '>'}}};
  constexpr int kOpen = 0;
  constexpr int kClose = 1;
  tokenize::ByteFinder find(xml, kBrackets);
  const std::size_t n = xml.size();
  std::size_t pos = 0;
  if (!pending.empty()) {  // the rest of a tag begun in an earlier chunk
    const std::size_t gt = find.next(0, kClose);
    if (gt == n) {
      pending.append(xml);
      if (pending.size() > kMaxPending) pending.clear();
      return;
    }
    pending.append(xml.substr(0, gt + 1));
    on_tag(std::string_view(pending).substr(1, pending.size() - 2));
    pending.clear();
    pos = gt + 1;
  }
  while (pos < n) {
    const std::size_t lt = find.next(pos, kOpen);
    if (lt == n) {
      on_text(xml.substr(pos));
      return;
    }
    if (lt > pos) on_text(xml.substr(pos, lt - pos));
    if (const std::size_t end = try_whole(xml, lt); end != std::string_view::npos) {
      pos = end;
      continue;
    }
    const std::size_t gt = find.next(lt, kClose);
    if (gt == n) {
      pending.assign(xml.substr(lt));
      if (pending.size() > kMaxPending) pending.clear();
      return;
    }
    on_tag(xml.substr(lt + 1, gt - lt - 1));
    pos = gt + 1;
  }
}

}  // namespace bd::scan::input
