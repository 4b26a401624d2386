// StringPool: see string_pool.hpp.
#include "table/string_pool.hpp"

#include <functional>

namespace groupfit {
namespace {

std::uint32_t hash_of(std::string_view text) {
  const std::size_t h = std::hash<std::string_view>{}(text);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

void StringPool::reserve(std::size_t count) {
  if (!index_complete_ || 2 * (count + 1) > slots_.size()) {
    std::size_t capacity = 64;
    while (capacity < 2 * (count + 1)) capacity *= 2;
    slots_.resize(capacity / 2);  // grow_index doubles it
    grow_index();
  }
}

void StringPool::grow_index() {
  index_complete_ = true;
  if (hashes_.size() != size()) {  // after drop_index() or append()
    hashes_.clear();
    for (std::size_t code = 0; code < size(); ++code) hashes_.push_back(hash_of((*this)[code]));
  }
  std::size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
  while (capacity < 2 * (size() + 1)) capacity *= 2;
  slots_.assign(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::size_t code = 0; code < size(); ++code) {
    std::size_t slot = hashes_[code] & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = std::uint64_t{hashes_[code]} << 32 | (code + 1);
  }
}

// The slot holding `text`, or the empty slot where it would go.
std::size_t StringPool::find_slot(std::string_view text, std::uint32_t h) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = h & mask;
  while (slots_[slot] != 0) {
    if (slots_[slot] >> 32 == h) {
      const auto code = static_cast<std::uint32_t>((slots_[slot] & 0xffffffffu) - 1);
      if ((*this)[code] == text) return slot;
    }
    slot = (slot + 1) & mask;
  }
  return slot;
}

std::optional<std::uint32_t> StringPool::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t entry = slots_[find_slot(text, hash_of(text))];
  if (entry == 0) return std::nullopt;
  return static_cast<std::uint32_t>((entry & 0xffffffffu) - 1);
}

std::uint32_t StringPool::append(std::string_view text) {
  index_complete_ = false;
  bytes_.append(text);
  offsets_.push_back(bytes_.size());
  return static_cast<std::uint32_t>(size() - 1);
}

std::uint32_t StringPool::intern(std::string_view text) {
  if (!index_complete_ || 2 * (size() + 1) > slots_.size()) grow_index();
  const std::uint32_t h = hash_of(text);
  const std::size_t slot = find_slot(text, h);
  if (slots_[slot] != 0) return static_cast<std::uint32_t>((slots_[slot] & 0xffffffffu) - 1);
  const auto code = static_cast<std::uint32_t>(size());
  slots_[slot] = std::uint64_t{h} << 32 | (code + 1);
  hashes_.push_back(h);
  bytes_.append(text);
  offsets_.push_back(bytes_.size());
  return code;
}

void StringPool::drop_index() {
  std::vector<std::uint64_t>().swap(slots_);
  index_complete_ = false;
  std::vector<std::uint32_t>().swap(hashes_);
}

std::vector<std::string> StringPool::to_vector() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i]);
  return out;
}

}  // namespace groupfit
