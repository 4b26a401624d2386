// leaf_columns: see parquet_schema.hpp.
#include "table/parquet/parquet_schema.hpp"

#include <fmt/format.h>

#include "table/parquet/parquet_error.hpp"

namespace groupfit::parquet {
namespace {

using Kind = LogicalType::Kind;

ColumnType type_of(Conversion c) {
  switch (c) {
    case Conversion::Bool:
      return ColumnType::Bool;
    case Conversion::Int32:
    case Conversion::UInt32:
    case Conversion::Int64:
    case Conversion::UInt64:
      return ColumnType::Int64;
    case Conversion::Date:
    case Conversion::Timestamp:
    case Conversion::Int96:
      return ColumnType::Date;
    case Conversion::String:
    case Conversion::Uuid:
      return ColumnType::String;
    case Conversion::Float:
    case Conversion::Double:
    case Conversion::Float16:
    case Conversion::Decimal:
    case Conversion::Time:
    case Conversion::Null:
      break;
  }
  return ColumnType::Float64;
}

[[noreturn]] void mismatch(const SchemaElement& e, const char* annotation) {
  throw CorruptFile(fmt::format("column '{}' is annotated {} on physical type {}", e.name,
                                annotation, static_cast<int>(*e.type)));
}

// Sets leaf.conversion (and scale, unit) from the element's physical type and annotations: the
// logical type first (format 2.x), then the converted type (1.x), as readers do.
void choose_conversion(const SchemaElement& e, LeafColumn& leaf) {
  const LogicalType& l = e.logical;
  const ConvertedType c = e.converted;
  const bool decimal = l.kind == Kind::Decimal || c == ConvertedType::Decimal;
  if (decimal) leaf.scale = l.kind == Kind::Decimal ? l.scale : e.scale;
  if (decimal && (leaf.scale < 0 || leaf.scale > 308)) {
    throw CorruptFile(fmt::format("column '{}' has decimal scale {}", e.name, leaf.scale));
  }
  switch (*e.type) {
    case PhysicalType::Boolean:
      leaf.conversion = Conversion::Bool;
      return;
    case PhysicalType::Int32:
      if (l.kind == Kind::Unknown) {
        leaf.conversion = Conversion::Null;
      } else if (decimal) {
        leaf.conversion = Conversion::Decimal;
      } else if (l.kind == Kind::Date || c == ConvertedType::Date) {
        leaf.conversion = Conversion::Date;
      } else if (l.kind == Kind::Time || c == ConvertedType::TimeMillis) {
        leaf.conversion = Conversion::Time;
        leaf.unit = TimeUnit::Millis;
      } else if ((l.kind == Kind::Integer && !l.is_signed) || c == ConvertedType::Uint8 ||
                 c == ConvertedType::Uint16 || c == ConvertedType::Uint32) {
        leaf.conversion = Conversion::UInt32;
      } else {
        leaf.conversion = Conversion::Int32;
      }
      return;
    case PhysicalType::Int64:
      if (l.kind == Kind::Unknown) {
        leaf.conversion = Conversion::Null;
      } else if (decimal) {
        leaf.conversion = Conversion::Decimal;
      } else if (l.kind == Kind::Timestamp) {
        leaf.conversion = Conversion::Timestamp;
        leaf.unit = l.unit;
      } else if (c == ConvertedType::TimestampMillis || c == ConvertedType::TimestampMicros) {
        leaf.conversion = Conversion::Timestamp;
        leaf.unit = c == ConvertedType::TimestampMillis ? TimeUnit::Millis : TimeUnit::Micros;
      } else if (l.kind == Kind::Time) {
        leaf.conversion = Conversion::Time;
        leaf.unit = l.unit;
      } else if (c == ConvertedType::TimeMicros) {
        leaf.conversion = Conversion::Time;
        leaf.unit = TimeUnit::Micros;
      } else if ((l.kind == Kind::Integer && !l.is_signed) || c == ConvertedType::Uint64) {
        leaf.conversion = Conversion::UInt64;
      } else {
        leaf.conversion = Conversion::Int64;
      }
      return;
    case PhysicalType::Int96:
      leaf.conversion = Conversion::Int96;
      return;
    case PhysicalType::Float:
      leaf.conversion = Conversion::Float;
      return;
    case PhysicalType::Double:
      leaf.conversion = Conversion::Double;
      return;
    case PhysicalType::ByteArray:
      leaf.conversion = decimal ? Conversion::Decimal : Conversion::String;
      return;
    case PhysicalType::FixedLenByteArray:
      if (e.type_length <= 0) {
        throw CorruptFile(fmt::format("column '{}' has fixed length {}", e.name, e.type_length));
      }
      leaf.type_length = e.type_length;
      if (decimal) {
        leaf.conversion = Conversion::Decimal;
      } else if (l.kind == Kind::Float16) {
        if (e.type_length != 2) mismatch(e, "FLOAT16");
        leaf.conversion = Conversion::Float16;
      } else if (l.kind == Kind::Uuid) {
        if (e.type_length != 16) mismatch(e, "UUID");
        leaf.conversion = Conversion::Uuid;
      } else {
        leaf.conversion = Conversion::String;
      }
      return;
  }
  throw CorruptFile(
      fmt::format("column '{}' has unknown physical type {}", e.name, static_cast<int>(*e.type)));
}

}  // namespace

std::vector<LeafColumn> leaf_columns(const std::vector<SchemaElement>& schema) {
  if (schema.empty()) throw CorruptFile("the schema is empty");
  std::vector<LeafColumn> leaves;
  std::size_t at = 1, chunk = 0;
  const auto fields = static_cast<std::size_t>(std::max(schema[0].num_children, 0));
  for (std::size_t f = 0; f < fields; ++f) {
    if (at >= schema.size()) throw CorruptFile("the schema ends before its last field");
    const SchemaElement& e = schema[at];
    LeafColumn leaf;
    leaf.name = e.name;
    leaf.chunk = chunk;
    // Walk the field's subtree, counting its leaves (each has a column chunk).
    std::size_t pending = 1, leaves_here = 0;
    while (pending > 0) {
      if (at >= schema.size()) throw CorruptFile("the schema ends inside a group");
      const SchemaElement& node = schema[at++];
      --pending;
      if (node.num_children < 0) throw CorruptFile("a schema group has a negative child count");
      if (node.num_children > 0 || !node.type) {
        const auto children = static_cast<std::size_t>(node.num_children);
        if (children > schema.size() - at)
          throw CorruptFile("a schema group has more children than the schema");
        pending += children;
      } else {
        ++leaves_here;
      }
    }
    chunk += leaves_here;
    leaf.nested =
        leaves_here != 1 || e.num_children > 0 || !e.type || e.repetition == Repetition::Repeated;
    if (!leaf.nested) {
      leaf.physical = *e.type;
      leaf.optional = e.repetition == Repetition::Optional;
      choose_conversion(e, leaf);
      leaf.type = type_of(leaf.conversion);
    }
    leaves.push_back(std::move(leaf));
  }
  return leaves;
}

}  // namespace groupfit::parquet
