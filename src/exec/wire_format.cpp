// Encoders and decoders of wire_format.hpp. Written by hand: the messages are few and flat, and
// a serialization library would add a dependency for forty lines of code.
#include "exec/wire_format.hpp"

#include <cstring>

namespace groupfit {
namespace {

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
  std::string frame(MessageKind kind) {
    ByteWriter header;
    header.put<std::uint32_t>(kWireMagic);
    header.put<std::uint16_t>(kWireVersion);
    header.put<std::uint16_t>(static_cast<std::uint16_t>(kind));
    header.put<std::uint64_t>(out_.size());
    return header.out_ + out_;
  }

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

}  // namespace

std::string encode_setup(const WorkerSetup& s) {
  ByteWriter w;
  w.put<std::int32_t>(s.shm_fd);
  w.put<std::uint64_t>(s.rows);
  w.put<std::uint64_t>(s.cols);
  w.put<std::uint8_t>(s.weights ? 1 : 0);
  w.put<std::uint64_t>(s.features.size());
  for (const auto& f : s.features) {
    w.put(f.name);
    w.put<std::uint8_t>(f.categorical ? 1 : 0);
    w.put<std::uint64_t>(f.categories.size());
    for (const auto& c : f.categories) w.put(c);
  }
  w.put<std::int32_t>(s.params.rounds);
  w.put<std::int32_t>(s.params.early_stopping_rounds);
  w.put<std::int32_t>(s.params.threads_per_model);
  w.put<std::uint64_t>(s.params.booster.size());
  for (const auto& [k, v] : s.params.booster) {
    w.put(k);
    w.put(v);
  }
  return w.frame(MessageKind::Setup);
}

WorkerSetup decode_setup(std::string_view payload) {
  ByteReader r(payload);
  WorkerSetup s;
  s.shm_fd = r.get<std::int32_t>();
  s.rows = r.get<std::uint64_t>();
  s.cols = r.get<std::uint64_t>();
  s.weights = r.get<std::uint8_t>() != 0;
  const auto n_features = r.get<std::uint64_t>();
  if (n_features != s.cols) throw WireError("feature count does not match the matrix");
  for (std::uint64_t i = 0; i < n_features; ++i) {
    FeatureSpec f;
    f.name = r.get_string();
    f.categorical = r.get<std::uint8_t>() != 0;
    const auto n_categories = r.get<std::uint64_t>();
    if (n_categories > payload.size()) throw WireError("truncated message");
    for (std::uint64_t c = 0; c < n_categories; ++c) f.categories.push_back(r.get_string());
    s.features.push_back(std::move(f));
  }
  s.params.rounds = r.get<std::int32_t>();
  s.params.early_stopping_rounds = r.get<std::int32_t>();
  s.params.threads_per_model = r.get<std::int32_t>();
  s.params.booster.clear();
  const auto n_params = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_params; ++i) {
    std::string key = r.get_string();
    s.params.booster[key] = r.get_string();
  }
  r.expect_end();
  return s;
}

std::string encode_task(const GroupTask& t) {
  ByteWriter w;
  w.put<std::uint32_t>(t.index);
  w.put<std::uint8_t>(t.key.missing ? 1 : 0);
  w.put(t.key.text);
  w.put<std::uint64_t>(t.rows);
  w.put_vector(t.train_rows);
  w.put_vector(t.valid_rows);
  w.put_vector(t.unlabeled_rows);
  w.put(t.skip_reason);
  w.put<double>(t.cost);
  w.put<std::int32_t>(t.threads);
  return w.frame(MessageKind::Task);
}

GroupTask decode_task(std::string_view payload) {
  ByteReader r(payload);
  GroupTask t;
  t.index = r.get<std::uint32_t>();
  t.key.missing = r.get<std::uint8_t>() != 0;
  t.key.text = r.get_string();
  t.rows = r.get<std::uint64_t>();
  t.train_rows = r.get_vector<std::uint32_t>();
  t.valid_rows = r.get_vector<std::uint32_t>();
  t.unlabeled_rows = r.get_vector<std::uint32_t>();
  t.skip_reason = r.get_string();
  t.cost = r.get<double>();
  t.threads = r.get<std::int32_t>();
  r.expect_end();
  return t;
}

std::string encode_result(const GroupResult& g) {
  ByteWriter w;
  w.put<std::uint32_t>(g.index);
  w.put<std::uint8_t>(static_cast<std::uint8_t>(g.status));
  w.put(g.message);
  w.put(g.warning);
  w.put<std::int32_t>(g.best_iteration);
  w.put_vector(g.scores);
  w.put_vector(g.predictions);
  w.put(g.model_json);
  w.put<double>(g.train_seconds);
  w.put<double>(g.cpu_seconds);
  return w.frame(MessageKind::Result);
}

GroupResult decode_result(std::string_view payload) {
  ByteReader r(payload);
  GroupResult g;
  g.index = r.get<std::uint32_t>();
  const auto status = r.get<std::uint8_t>();
  if (status > static_cast<std::uint8_t>(GroupStatus::Failed)) throw WireError("bad status");
  g.status = static_cast<GroupStatus>(status);
  g.message = r.get_string();
  g.warning = r.get_string();
  g.best_iteration = r.get<std::int32_t>();
  g.scores = r.get_vector<double>();
  g.predictions = r.get_vector<float>();
  g.model_json = r.get_string();
  g.train_seconds = r.get<double>();
  g.cpu_seconds = r.get<double>();
  r.expect_end();
  return g;
}

std::string encode_shutdown() {
  return ByteWriter().frame(MessageKind::Shutdown);
}

FrameHeader decode_frame_header(std::string_view bytes) {
  ByteReader r(bytes.substr(0, kFrameHeaderBytes));
  if (r.get<std::uint32_t>() != kWireMagic) throw WireError("not a groupfit worker message");
  const auto version = r.get<std::uint16_t>();
  if (version != kWireVersion) {
    throw WireError("worker protocol version " + std::to_string(version) + ", expected " +
                    std::to_string(kWireVersion));
  }
  const auto kind = r.get<std::uint16_t>();
  if (kind < 1 || kind > 4) throw WireError("unknown message kind " + std::to_string(kind));
  const auto bytes_len = r.get<std::uint64_t>();
  if (bytes_len > kMaxFrameBytes) throw WireError("message too large");
  return {static_cast<MessageKind>(kind), bytes_len};
}

}  // namespace groupfit
