// Writes a Parquet file from a JSON spec with one of three independent writers, for groupfit's
// Parquet tests (tests/table/parquet_*_test.cpp), which then check that groupfit reads back what
// the writer was given. Run by the tests at test time:
//   node write_parquet.mjs SPEC.json NODE_MODULES
// SPEC: {"writer": "duckdb" | "hyparquet" | "arrow-rs", "out": PATH,
//        "options": {"codec": "ZSTD", "page_version": 1 | 2, "dictionary": true | false,
//                    "row_group_size": ROWS, "page_size": BYTES, "encoding": "PLAIN" | ...},
//        "columns": [{"name": N, "type": T, "values": [... null for missing], "encoding": E}]}
// Types T: bool, int32, int64, uint8, uint16, uint32, uint64, float, double, string,
// large_string, categorical (dictionary-encoded text, what a pandas category becomes), date
// (days), timestamp_ms/us/ns and timestamptz_ms/us/ns (integers in the unit), time_ms/us/ns,
// decimal:P:S (the unscaled integer), float16, uuid (8-4-4-4-12 hex). 64-bit integers are given as
// strings so that JSON keeps every digit. DuckDB can also convert a CSV file: {"writer":
// "duckdb", "from_csv": CSV, "select": SQL select list, "out": ..., "options": ...}. A writer that
// cannot write a type, codec or option exits with status 3 and says so: the test then fails,
// since every test asks only for what its writer can do.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [specPath, nodeModules] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(nodeModules), 'x.js'));
// One spec, or a list of them (written in turn by one process: starting Node and DuckDB costs
// more than writing a small file).
let spec, opt, rows;

function refuse(what) {
  console.error(`write_parquet: ${spec.writer} cannot write ${what}`);
  process.exit(3);
}

const big = (v) => (v === null ? null : BigInt(v));

function decimalText(unscaled, scale) {
  const negative = unscaled.startsWith('-');
  let digits = negative ? unscaled.slice(1) : unscaled;
  digits = digits.padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return (negative ? '-' : '') + text;
}

let duckdb;  // one connection for every file
async function writeDuckdb() {
  if (!duckdb) {
    const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
    duckdb = await (await DuckDBInstance.create(':memory:')).connect();
  }
  const con = duckdb;
  if (spec.from_csv) {
    // {"from_csv": CSV, "select": "* REPLACE (CAST(year AS DOUBLE) AS year)"}: the CSV as
    // DuckDB reads it, columns recast as `select` says.
    const options = ['FORMAT parquet', `COMPRESSION ${opt.codec ?? 'snappy'}`];
    if (opt.row_group_size) options.push(`ROW_GROUP_SIZE ${opt.row_group_size}`);
    await con.run(`COPY (SELECT ${spec.select ?? '*'} FROM read_csv('${spec.from_csv}'))
                   TO '${spec.out}' (${options.join(', ')})`);
    return;
  }
  // The values go in as text through a JSON file, then are cast in SQL.
  const jsonPath = `${spec.out}.input.json`;
  const lines = [];
  for (let r = 0; r < rows; ++r) {
    const row = {};
    spec.columns.forEach((c, i) => {
      let v = c.values[r];
      if (v !== null && c.type.startsWith('decimal:')) v = decimalText(String(v), Number(c.type.split(':')[2]));
      row[`c${i}`] = v === null ? null : String(v);
    });
    lines.push(JSON.stringify(row));
  }
  fs.writeFileSync(jsonPath, lines.join('\n') + '\n');
  const q = (name) => `"${name.replaceAll('"', '""')}"`;
  const cast = (c, i) => {
    const x = `c${i}`;
    const t = c.type;
    const simple = { bool: 'BOOLEAN', int32: 'INTEGER', int64: 'BIGINT', uint8: 'UTINYINT', uint16: 'USMALLINT',
      uint32: 'UINTEGER', uint64: 'UBIGINT', float: 'FLOAT', double: 'DOUBLE', string: 'VARCHAR', uuid: 'UUID' };
    if (simple[t]) return `CAST(${x} AS ${simple[t]})`;
    if (t === 'date') return `CAST(DATE '1970-01-01' + CAST(${x} AS INTEGER) AS DATE)`;
    if (t === 'timestamp_us') return `make_timestamp(CAST(${x} AS BIGINT))`;
    if (t === 'timestamp_ns') return `make_timestamp_ns(CAST(${x} AS BIGINT))`;
    if (t === 'timestamp_ms') return `CAST(epoch_ms(CAST(${x} AS BIGINT)) AS TIMESTAMP_MS)`;
    if (t === 'timestamptz_us') return `CAST(make_timestamp(CAST(${x} AS BIGINT)) AS TIMESTAMPTZ)`;
    if (t === 'time_us') return `CAST(TIME '00:00:00' + to_microseconds(CAST(${x} AS BIGINT)) AS TIME)`;
    if (t.startsWith('decimal:')) {
      const [, p, s] = t.split(':');
      return `CAST(${x} AS DECIMAL(${p},${s}))`;
    }
    refuse(`type ${t}`);
  };
  const select = spec.columns.map((c, i) => `${cast(c, i)} AS ${q(c.name)}`).join(', ');
  const types = spec.columns.map((c, i) => `c${i}: 'VARCHAR'`).join(', ');
  const options = ['FORMAT parquet', `COMPRESSION ${opt.codec ?? 'snappy'}`];
  if (opt.row_group_size) options.push(`ROW_GROUP_SIZE ${opt.row_group_size}`);
  if (opt.page_version === 2) options.push('PARQUET_VERSION v2');
  if (opt.dictionary === false) options.push('DICTIONARY_SIZE_LIMIT 1');
  if (opt.encoding) refuse('a chosen encoding');
  await con.run(`COPY (SELECT ${select} FROM read_json('${jsonPath}', columns = {${types}},
                 format = 'newline_delimited')) TO '${spec.out}' (${options.join(', ')})`);
  fs.rmSync(jsonPath);
}

function writeHyparquet() {
  const hw = require('hyparquet-writer');
  if (opt.page_version === 1) refuse('data pages v1');
  const codec = opt.codec ?? 'SNAPPY';
  if (codec !== 'SNAPPY' && codec !== 'UNCOMPRESSED') refuse(`codec ${codec}`);
  const columnData = [];
  const overrides = {};
  for (const c of spec.columns) {
    const t = c.type;
    let data = c.values;
    let type;
    const element = (e) => { overrides[c.name] = { name: c.name, repetition_type: 'OPTIONAL', ...e }; };
    if (t === 'bool') type = 'BOOLEAN';
    else if (t === 'int32') type = 'INT32';
    else if (t === 'int64') { type = 'INT64'; data = data.map(big); }
    else if (t === 'double') type = 'DOUBLE';
    else if (t === 'float') type = 'FLOAT';
    else if (t === 'string') type = 'STRING';
    else if (t === 'float16') type = 'FLOAT16';
    else if (t === 'uuid') { type = 'UUID'; }
    else if (t === 'uint8' || t === 'uint16' || t === 'uint32') {
      element({ type: 'INT32', converted_type: t.replace('uint', 'UINT_') });
    } else if (t === 'uint64') {
      data = data.map(big);
      element({ type: 'INT64', converted_type: 'UINT_64' });
    } else if (t === 'date') element({ type: 'INT32', converted_type: 'DATE' });
    else if (t.startsWith('timestamp')) {
      const unit = { ms: 'MILLIS', us: 'MICROS', ns: 'NANOS' }[t.split('_')[1]];
      data = data.map(big);
      element({ type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: t.startsWith('timestamptz'), unit } });
    } else if (t.startsWith('decimal:')) {
      const [, p, s] = t.split(':').map(Number);
      data = data.map(big);
      const physical = p <= 9 ? { type: 'INT32' } : p <= 18 ? { type: 'INT64' } : { type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16 };
      element({ ...physical, converted_type: 'DECIMAL', scale: s, precision: p });
    } else refuse(`type ${t}`);
    const source = { name: c.name, data };
    if (type) source.type = type;
    const encoding = c.encoding ?? opt.encoding ?? (opt.dictionary === false ? 'PLAIN' : undefined);
    if (encoding) source.encoding = encoding;
    columnData.push(source);
  }
  const schema = hw.schemaFromColumnData({ columnData, schemaOverrides: overrides });
  for (const source of columnData) delete source.type;  // the schema says it now
  const options = { filename: spec.out, columnData, schema, codec };
  if (opt.row_group_size) options.rowGroupSize = opt.row_group_size;
  if (opt.page_size) options.pageSize = opt.page_size;
  hw.parquetWriteFile(options);
}

function writeArrowRs() {
  const arrow = require('apache-arrow');
  const pw = require('parquet-wasm/node');
  const A = arrow;
  // Arrow JS builds dates and timestamps from milliseconds: give it the integers under another type.
  const retype = (values, base, type) => {
    const d = A.vectorFromArray(values, base).data[0];
    return A.makeVector(A.makeData({ type, length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap, data: d.values }));
  };
  const units = { ms: A.TimeUnit.MILLISECOND, us: A.TimeUnit.MICROSECOND, ns: A.TimeUnit.NANOSECOND };
  const vectors = {};
  for (const c of spec.columns) {
    const t = c.type;
    const v = c.values;
    let vec;
    if (t === 'bool') vec = A.vectorFromArray(v, new A.Bool());
    else if (t === 'int32') vec = A.vectorFromArray(v, new A.Int32());
    else if (t === 'int64') vec = A.vectorFromArray(v.map(big), new A.Int64());
    else if (t === 'uint8') vec = A.vectorFromArray(v, new A.Uint8());
    else if (t === 'uint16') vec = A.vectorFromArray(v, new A.Uint16());
    else if (t === 'uint32') vec = A.vectorFromArray(v, new A.Uint32());
    else if (t === 'uint64') vec = A.vectorFromArray(v.map(big), new A.Uint64());
    else if (t === 'float') vec = A.vectorFromArray(v, new A.Float32());
    else if (t === 'double') vec = A.vectorFromArray(v, new A.Float64());
    else if (t === 'float16') vec = A.vectorFromArray(v, new A.Float16());
    else if (t === 'string') vec = A.vectorFromArray(v, new A.Utf8());
    else if (t === 'large_string') vec = A.vectorFromArray(v, new A.LargeUtf8());
    else if (t === 'categorical') vec = A.vectorFromArray(v, new A.Dictionary(new A.Utf8(), new A.Int32()));
    else if (t === 'date') vec = retype(v, new A.Int32(), new A.DateDay());
    else if (t.startsWith('timestamp')) {
      const unit = units[t.split('_')[1]];
      vec = retype(v.map(big), new A.Int64(), new A.Timestamp(unit, t.startsWith('timestamptz') ? 'UTC' : null));
    } else if (t.startsWith('time_')) {
      const unit = units[t.split('_')[1]];
      vec = unit === A.TimeUnit.MILLISECOND ? retype(v, new A.Int32(), new A.Time(unit, 32))
        : retype(v.map(big), new A.Int64(), new A.Time(unit, 64));
    } else refuse(`type ${t}`);
    vectors[c.name] = vec;
  }
  const table = new A.Table(vectors);
  const codec = pw.Compression[opt.codec ?? 'SNAPPY'];
  if (codec === undefined) refuse(`codec ${opt.codec}`);
  let props = new pw.WriterPropertiesBuilder().setCompression(codec)
    .setWriterVersion(opt.page_version === 2 ? pw.WriterVersion.V2 : pw.WriterVersion.V1);
  if (opt.dictionary === false) props = props.setDictionaryEnabled(false);
  if (opt.row_group_size) props = props.setMaxRowGroupSize(opt.row_group_size);
  if (opt.page_size) props = props.setDataPageSizeLimit(opt.page_size);
  if (opt.dictionary_page_size) props = props.setDictionaryPageSizeLimit(opt.dictionary_page_size);
  if (opt.encoding) props = props.setEncoding(pw.Encoding[opt.encoding]);
  for (const c of spec.columns) {
    if (c.encoding) props = props.setColumnEncoding(c.name, pw.Encoding[c.encoding]);
  }
  const wasmTable = pw.Table.fromIPCStream(A.tableToIPC(table, 'stream'));
  fs.writeFileSync(spec.out, pw.writeParquet(wasmTable, props.build()));
}

const parsed = JSON.parse(fs.readFileSync(specPath, 'utf8'));
for (const one of Array.isArray(parsed) ? parsed : [parsed]) {
  spec = one;
  opt = spec.options ?? {};
  rows = spec.columns?.length ? spec.columns[0].values.length : 0;
  if (spec.writer === 'duckdb') await writeDuckdb();
  else if (spec.writer === 'hyparquet') writeHyparquet();
  else if (spec.writer === 'arrow-rs') writeArrowRs();
  else refuse('anything: unknown writer');
}
