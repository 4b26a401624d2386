// Encoders and decoders of wire_format.hpp. Written by hand: the messages are few and flat, and
// a serialization library would add a dependency for forty lines of code.
#include "exec/wire_format.hpp"

#include <algorithm>
#include <cstring>

#include "base/byte_codec.hpp"

namespace groupfit {

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
  return make_frame(static_cast<std::uint16_t>(MessageKind::Setup), w.bytes());
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

namespace {

void put_task(ByteWriter& w, const GroupTask& t) {
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
  w.put<std::uint64_t>(t.booster_params.size());
  for (const auto& [k, v] : t.booster_params) {
    w.put(k);
    w.put(v);
  }
  w.put<std::uint8_t>(t.score_only ? 1 : 0);
}

GroupTask get_task(ByteReader& r) {
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
  const auto n_params = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < n_params; ++i) {
    std::string key = r.get_string();
    t.booster_params[key] = r.get_string();
  }
  t.score_only = r.get<std::uint8_t>() != 0;
  return t;
}

}  // namespace

std::string encode_task(const GroupTask& t) {
  ByteWriter w;
  put_task(w, t);
  return make_frame(static_cast<std::uint16_t>(MessageKind::Task), w.bytes());
}

GroupTask decode_task(std::string_view payload) {
  ByteReader r(payload);
  GroupTask t = get_task(r);
  r.expect_end();
  return t;
}

std::string encode_task_with_rows(const GroupTask& task, const MatrixView& data) {
  GroupTask local = task;
  FeatureMatrix rows;
  rows.cols = data.cols;
  const bool weighted = !data.weights.empty();
  std::uint32_t next = 0;
  for (auto* list : {&local.train_rows, &local.valid_rows, &local.unlabeled_rows}) {
    for (std::uint32_t& r : *list) {
      rows.values.insert(rows.values.end(), data.row(r), data.row(r) + data.cols);
      rows.labels.push_back(data.labels[r]);
      if (weighted) rows.weights.push_back(data.weights[r]);
      r = next++;
    }
  }
  ByteWriter w;
  put_task(w, local);
  w.put<std::uint64_t>(next);
  w.put<std::uint64_t>(rows.cols);
  w.put_vector(rows.values);
  w.put_vector(rows.labels);
  w.put_vector(rows.weights);
  return make_frame(static_cast<std::uint16_t>(MessageKind::RowsTask), w.bytes());
}

TaskWithRows decode_task_with_rows(std::string_view payload) {
  ByteReader r(payload);
  TaskWithRows out;
  out.task = get_task(r);
  out.matrix.rows = r.get<std::uint64_t>();
  out.matrix.cols = r.get<std::uint64_t>();
  out.matrix.values = r.get_vector<float>();
  out.matrix.labels = r.get_vector<float>();
  out.matrix.weights = r.get_vector<float>();
  r.expect_end();
  const std::size_t n = out.matrix.rows;
  // labels bound n by the payload's size, and cols by the values' when there are rows, so the
  // product cannot overflow.
  if (out.matrix.labels.size() != n || (n > 0 && out.matrix.cols > out.matrix.values.size()) ||
      out.matrix.values.size() != n * out.matrix.cols ||
      (!out.matrix.weights.empty() && out.matrix.weights.size() != n)) {
    throw WireError("rows do not match their shape");
  }
  for (const auto* list : {&out.task.train_rows, &out.task.valid_rows, &out.task.unlabeled_rows}) {
    for (std::uint32_t row : *list) {
      if (row >= n) throw WireError("task names a row it does not carry");
    }
  }
  return out;
}

std::string encode_shutdown() {
  return make_frame(static_cast<std::uint16_t>(MessageKind::Shutdown), "");
}

FrameHeader decode_frame_header(std::string_view bytes) {
  const RawFrameHeader h = decode_raw_frame_header(bytes);
  if (h.kind < 1 || h.kind > 5) throw WireError("unknown message kind " + std::to_string(h.kind));
  return {static_cast<MessageKind>(h.kind), h.payload_bytes};
}

}  // namespace groupfit
