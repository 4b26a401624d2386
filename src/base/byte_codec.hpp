// Little-endian fixed-width values, strings and vectors as bytes, and back: the payloads of the
// worker messages (exec/wire_format.hpp) and of checkpoint frames (train/result_codec.hpp).
// Strings and vectors are a u64 length then their elements. A reader that meets anything
// unexpected throws WireError and never reads past its input or allocates what a length claims
// beyond the bytes present.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace groupfit {

class WireError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteWriter {
 public:
  template <typename T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&value);
    out_.append(p, sizeof(T));
  }
  void put(const std::string& s) {
    put<std::uint64_t>(s.size());
    out_.append(s);
  }
  template <typename T>
  void put_vector(const std::vector<T>& v) {
    put<std::uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string get_string() {
    const auto n = get<std::uint64_t>();
    need(n);
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  std::vector<T> get_vector() {
    const auto n = get<std::uint64_t>();
    if (n > (in_.size() - pos_) / sizeof(T)) throw WireError("truncated message");
    std::vector<T> v(n);
    // An empty vector's data() may be null, and memcpy from or to null is undefined even for
    // zero bytes (UBSan reports it: fuzz/wire_format_fuzzer.cpp).
    if (n != 0) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  void expect_end() const {
    if (pos_ != in_.size()) throw WireError("trailing bytes in message");
  }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - pos_) throw WireError("truncated message");
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace groupfit
