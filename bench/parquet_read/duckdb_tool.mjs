// DuckDB (from npm, installed by `make bench-setup` into BUILD/npm) for bench/parquet_read/run.sh:
//   node duckdb_tool.mjs NODE_MODULES convert CSV PARQUET CODEC ROW_GROUP_SIZE
//       the CSV as DuckDB reads it, written as Parquet with CODEC (zstd, snappy, ...)
//   node duckdb_tool.mjs NODE_MODULES read PARQUET THREADS
//       CREATE TABLE t AS SELECT * FROM read_parquet(PARQUET) on THREADS threads: the file
//       materialized in memory, as groupfit reads it; prints the row count
//   node duckdb_tool.mjs NODE_MODULES table-bytes PARQUET
//       the size groupfit's Table of the file takes (table/table.hpp): 8 bytes a number, 1 a bool,
//       4 a text code plus each distinct text once with an 8-byte offset, a validity bit a row
import { createRequire } from 'node:module';
import path from 'node:path';

const [modules, command, ...args] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), 'x.js'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
const threads = command === 'read' ? args[1] : '2';
const con = await (await DuckDBInstance.create(':memory:', { threads })).connect();
const quote = (p) => `'${p.replaceAll("'", "''")}'`;

if (command === 'convert') {
  const [csv, parquet, codec, rowGroup] = args;
  await con.run(`COPY (SELECT * FROM read_csv(${quote(csv)})) TO ${quote(parquet)}
                 (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE ${rowGroup})`);
} else if (command === 'read') {
  await con.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${quote(args[0])})`);
  const r = await con.runAndReadAll('SELECT count(*) FROM t');
  console.log(`${r.getRows()[0][0]} rows`);
} else if (command === 'table-bytes') {
  const file = quote(args[0]);
  const columns = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${file})`)).getRows();
  const rows = Number((await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${file})`)).getRows()[0][0]);
  let bytes = 0;
  for (const [name, type] of columns) {
    bytes += Math.ceil(rows / 64) * 8;
    if (type === 'VARCHAR') {
      const q = `SELECT count(*), coalesce(sum(strlen(v)), 0) FROM (SELECT DISTINCT "${name}" AS v FROM read_parquet(${file}) WHERE v IS NOT NULL)`;
      const [distinct, length] = (await con.runAndReadAll(q)).getRows()[0].map(Number);
      bytes += 4 * rows + length + 8 * (distinct + 1);
    } else {
      bytes += (type === 'BOOLEAN' ? 1 : 8) * rows;
    }
  }
  console.log(bytes);
} else {
  console.error(`duckdb_tool: unknown command ${command}`);
  process.exit(2);
}
