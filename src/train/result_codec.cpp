// encode_result and decode_result: see result_codec.hpp.
#include "train/result_codec.hpp"

#include "base/byte_codec.hpp"
#include "base/frame.hpp"

namespace groupfit {

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
  return make_frame(kResultFrameKind, w.bytes());
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

}  // namespace groupfit
