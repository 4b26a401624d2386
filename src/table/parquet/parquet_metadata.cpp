// decode_file_metadata and decode_page_header: see parquet_metadata.hpp. Each struct is one
// function over its fields; an unknown field is skipped, as Thrift allows, so files of later
// format versions still read.
#include "table/parquet/parquet_metadata.hpp"

#include "table/parquet/parquet_error.hpp"
#include "table/parquet/thrift_compact.hpp"

namespace groupfit::parquet {
namespace {

using Reader = CompactReader;

TimeUnit decode_time_unit(Reader& in, ThriftType type) {
  TimeUnit unit = TimeUnit::Millis;
  in.read_struct(type, [&](std::int16_t id, ThriftType field_type) {
    if (id == 2) unit = TimeUnit::Micros;
    if (id == 3) unit = TimeUnit::Nanos;
    in.skip(field_type);
  });
  return unit;
}

LogicalType decode_logical_type(Reader& in) {
  using Kind = LogicalType::Kind;
  LogicalType t;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    switch (id) {
      case 1:
        t.kind = Kind::String;
        break;
      case 2:
        t.kind = Kind::Map;
        break;
      case 3:
        t.kind = Kind::List;
        break;
      case 4:
        t.kind = Kind::Enum;
        break;
      case 5:
        t.kind = Kind::Decimal;
        in.read_struct(type, [&](std::int16_t f, ThriftType ft) {
          if (f == 1) {
            t.scale = in.read_i32(ft);
          } else if (f == 2) {
            t.precision = in.read_i32(ft);
          } else {
            in.skip(ft);
          }
        });
        return;
      case 6:
        t.kind = Kind::Date;
        break;
      case 7:
      case 8:
        t.kind = id == 7 ? Kind::Time : Kind::Timestamp;
        in.read_struct(type, [&](std::int16_t f, ThriftType ft) {
          if (f == 1) {
            t.utc = in.read_bool(ft);
          } else if (f == 2) {
            t.unit = decode_time_unit(in, ft);
          } else {
            in.skip(ft);
          }
        });
        return;
      case 10:
        t.kind = Kind::Integer;
        in.read_struct(type, [&](std::int16_t f, ThriftType ft) {
          if (f == 1) {
            t.bit_width = in.read_i32(ft);
          } else if (f == 2) {
            t.is_signed = in.read_bool(ft);
          } else {
            in.skip(ft);
          }
        });
        return;
      case 11:
        t.kind = Kind::Unknown;
        break;
      case 12:
        t.kind = Kind::Json;
        break;
      case 13:
        t.kind = Kind::Bson;
        break;
      case 14:
        t.kind = Kind::Uuid;
        break;
      case 15:
        t.kind = Kind::Float16;
        break;
      default:
        t.kind = Kind::Other;
        break;
    }
    in.skip(type);
  });
  return t;
}

SchemaElement decode_schema_element(Reader& in) {
  SchemaElement e;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    switch (id) {
      case 1:
        e.type = static_cast<PhysicalType>(in.read_i32(type));
        return;
      case 2:
        e.type_length = in.read_i32(type);
        return;
      case 3:
        e.repetition = static_cast<Repetition>(in.read_i32(type));
        return;
      case 4:
        e.name = in.read_string(type);
        return;
      case 5:
        e.num_children = in.read_i32(type);
        return;
      case 6:
        e.converted = static_cast<ConvertedType>(in.read_i32(type));
        return;
      case 7:
        e.scale = in.read_i32(type);
        return;
      case 8:
        e.precision = in.read_i32(type);
        return;
      case 10:
        if (type == ThriftType::Struct) {
          e.logical = decode_logical_type(in);
          return;
        }
        break;
      default:
        break;
    }
    in.skip(type);
  });
  return e;
}

void decode_column_metadata(Reader& in, ColumnChunk& c) {
  c.has_metadata = true;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    switch (id) {
      case 1:
        c.type = static_cast<PhysicalType>(in.read_i32(type));
        return;
      case 2: {
        const ThriftList list = in.read_list_header(type);
        for (std::size_t i = 0; i < list.size; ++i) {
          c.encodings.push_back(static_cast<Encoding>(in.read_i32(list.element)));
        }
        return;
      }
      case 3: {
        const ThriftList list = in.read_list_header(type);
        for (std::size_t i = 0; i < list.size; ++i) c.path.push_back(in.read_string(list.element));
        return;
      }
      case 4:
        c.codec = static_cast<Codec>(in.read_i32(type));
        return;
      case 5:
        c.num_values = in.read_i64(type);
        return;
      case 7:
        c.total_compressed_size = in.read_i64(type);
        return;
      case 9:
        c.data_page_offset = in.read_i64(type);
        return;
      case 11:
        c.dictionary_page_offset = in.read_i64(type);
        return;
      default:
        in.skip(type);
        return;
    }
  });
}

ColumnChunk decode_column_chunk(Reader& in) {
  ColumnChunk c;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    if (id == 1) {
      c.external = !in.read_binary(type).empty();
    } else if (id == 3 && type == ThriftType::Struct) {
      decode_column_metadata(in, c);
    } else {
      in.skip(type);
    }
  });
  return c;
}

RowGroup decode_row_group(Reader& in) {
  RowGroup g;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    if (id == 1) {
      const ThriftList list = in.read_list_header(type);
      if (list.element != ThriftType::Struct)
        throw CorruptFile("row group columns are not structs");
      for (std::size_t i = 0; i < list.size; ++i) g.columns.push_back(decode_column_chunk(in));
    } else if (id == 3) {
      g.num_rows = in.read_i64(type);
    } else {
      in.skip(type);
    }
  });
  return g;
}

template <typename Decode>
void decode_struct_list(Reader& in, ThriftType type, Decode decode) {
  const ThriftList list = in.read_list_header(type);
  if (list.element != ThriftType::Struct) throw CorruptFile("metadata list is not of structs");
  for (std::size_t i = 0; i < list.size; ++i) decode();
}

}  // namespace

FileMetaData decode_file_metadata(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  FileMetaData m;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    switch (id) {
      case 2:
        decode_struct_list(in, type, [&] { m.schema.push_back(decode_schema_element(in)); });
        return;
      case 3:
        m.num_rows = in.read_i64(type);
        return;
      case 4:
        decode_struct_list(in, type, [&] { m.row_groups.push_back(decode_row_group(in)); });
        return;
      case 5:
        decode_struct_list(in, type, [&] {
          KeyValue kv;
          in.read_struct(ThriftType::Struct, [&](std::int16_t f, ThriftType ft) {
            if (f == 1) {
              kv.key = in.read_string(ft);
            } else if (f == 2) {
              kv.value = in.read_string(ft);
            } else {
              in.skip(ft);
            }
          });
          m.key_value_metadata.push_back(std::move(kv));
        });
        return;
      case 6:
        m.created_by = in.read_string(type);
        return;
      default:
        in.skip(type);
        return;
    }
  });
  return m;
}

PageHeader decode_page_header(const std::uint8_t* data, std::size_t size, std::size_t& consumed) {
  Reader in(data, size);
  PageHeader h;
  in.read_struct([&](std::int16_t id, ThriftType type) {
    switch (id) {
      case 1:
        h.type = static_cast<PageType>(in.read_i32(type));
        return;
      case 2:
        h.uncompressed_size = in.read_i32(type);
        return;
      case 3:
        h.compressed_size = in.read_i32(type);
        return;
      case 5:  // DataPageHeader
        in.read_struct(type, [&](std::int16_t f, ThriftType ft) {
          switch (f) {
            case 1:
              h.num_values = in.read_i32(ft);
              return;
            case 2:
              h.encoding = static_cast<Encoding>(in.read_i32(ft));
              return;
            case 3:
              h.definition_level_encoding = static_cast<Encoding>(in.read_i32(ft));
              return;
            case 4:
              h.repetition_level_encoding = static_cast<Encoding>(in.read_i32(ft));
              return;
            default:
              in.skip(ft);
              return;
          }
        });
        return;
      case 7:  // DictionaryPageHeader
        in.read_struct(type, [&](std::int16_t f, ThriftType ft) {
          switch (f) {
            case 1:
              h.num_values = in.read_i32(ft);
              return;
            case 2:
              h.encoding = static_cast<Encoding>(in.read_i32(ft));
              return;
            default:
              in.skip(ft);
              return;
          }
        });
        return;
      case 8:  // DataPageHeaderV2
        in.read_struct(type, [&](std::int16_t f, ThriftType ft) {
          switch (f) {
            case 1:
              h.num_values = in.read_i32(ft);
              return;
            case 2:
              h.num_nulls = in.read_i32(ft);
              return;
            case 3:
              h.num_rows = in.read_i32(ft);
              return;
            case 4:
              h.encoding = static_cast<Encoding>(in.read_i32(ft));
              return;
            case 5:
              h.definition_levels_byte_length = in.read_i32(ft);
              return;
            case 6:
              h.repetition_levels_byte_length = in.read_i32(ft);
              return;
            case 7:
              h.is_compressed = in.read_bool(ft);
              return;
            default:
              in.skip(ft);
              return;
          }
        });
        return;
      default:
        in.skip(type);
        return;
    }
  });
  consumed = size - in.remaining();
  return h;
}

}  // namespace groupfit::parquet
