// The DuckDB side of bench/csv_read/run.sh: materializes a CSV (or Parquet) file into an
// in-memory table, `CREATE TABLE t AS SELECT * FROM read_csv(FILE)`, with THREADS threads, and
// prints its row count so the script can check that every reader saw the same table.
//   node duckdb_read.js FILE [THREADS=2] [csv|parquet]
// DuckDB comes from npm (@duckdb/node-api, pinned in tests/npm/package-lock.json), installed
// into BUILD/npm by `make bench-setup`; NODE_PATH points there.
'use strict';
const duckdb = require('@duckdb/node-api');

(async () => {
  const [file, threads = '2', kind = 'csv'] = process.argv.slice(2);
  if (!file) throw new Error('usage: duckdb_read.js FILE [THREADS] [csv|parquet]');
  const instance = await duckdb.DuckDBInstance.create(':memory:', {threads: String(threads)});
  const connection = await instance.connect();
  const reader = kind === 'parquet' ? 'read_parquet' : 'read_csv';
  const quoted = file.replace(/'/g, "''");
  await connection.run(`CREATE TABLE t AS SELECT * FROM ${reader}('${quoted}')`);
  const result = await connection.runAndReadAll('SELECT count(*) FROM t');
  console.log(String(result.getRows()[0][0]));
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
