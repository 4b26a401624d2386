// Writes a CSV shaped like the public US flights table (vega-datasets' flights-3m: one row per
// flight of 2001, date with minutes, delay, distance, origin, destination), deterministic:
//   node flights_table.js ROWS > flights.csv
// What makes it real-shaped for a reader: an ISO date-time column with ~200,000 distinct values
// in time order (not a category, not a number until parsed as a date), signed small integers
// with many zeros, and two 3-letter text columns over ~300 airports. Generated, not copied, so
// the benchmark needs no download.
'use strict';
const rows = Number(process.argv[2] || 3000000);
let seed = 12345;
const next = () => {  // xorshift32: the same table on every machine
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
};
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const airports = [];
while (airports.length < 300) {
  let a = '';
  for (let i = 0; i < 3; ++i) a += letters[Math.floor(next() * 26)];
  if (!airports.includes(a)) airports.push(a);
}
// A few hubs carry most flights, as in the real table.
const airport = () => airports[Math.floor(airports.length * Math.pow(next(), 3))];
const start = Date.UTC(2001, 0, 1);
const span = 365 * 24 * 3600 * 1000;
const pad = (n) => String(n).padStart(2, '0');
let chunk = 'date,delay,distance,origin,destination\n';
for (let r = 0; r < rows; ++r) {
  // In time order, on whole minutes; departures cluster, so many rows share a minute.
  const t = new Date(start + Math.floor((r / rows) * span / 60000 + next() * 3) * 60000);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ` +
               `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00`;
  const u = next();
  const delay = u < 0.35 ? 0 : Math.round((u < 0.7 ? -1 : 1) * -Math.log(next()) * 18);
  const distance = 100 + Math.floor(Math.pow(next(), 2) * 2600);
  chunk += `${date},${delay},${distance},${airport()},${airport()}\n`;
  if (chunk.length > 1 << 20) {
    process.stdout.write(chunk);
    chunk = '';
  }
}
process.stdout.write(chunk);
