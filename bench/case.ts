/**
 * One benchmark case in its own process (so peak memory is the case's own):
 *   node dist/bench-build/bench/case.js <case> <size>
 * prints one JSON line.
 */
import { caseFast } from './caseFast';
import { caseStream } from './caseStream';
import { writePairCsv, writeStreamCsv, writeUnsortedPairCsv } from './writeCsv';
import { caseFloor } from './caseFloor';
import { caseDuckdb } from './caseDuckdb';
import { caseFunctions } from './caseFunctions';
import { caseBaseline } from './caseBaseline';
import { caseDecimal, caseProjection } from './caseDecimal';
import { caseFundNeed } from './caseFundNeed';
import { caseBudget } from './caseBudget';

async function main() {
  const [name, sizeText, file, file2] = process.argv.slice(2);
  const size = Number(sizeText);
  let out: unknown;
  switch (name) {
    case 'fast':
      out = caseFast(size);
      break;
    case 'decimal':
      out = caseDecimal(size);
      break;
    case 'projection':
      out = await caseProjection(size);
      break;
    case 'baseline':
      out = caseBaseline(size, 'fen');
      break;
    case 'baseline-yuan':
      out = caseBaseline(size, 'yuan');
      break;
    case 'functions-spill':
      out = await caseFunctions(size, 'spill');
      break;
    case 'functions-cells':
      out = await caseFunctions(size, 'cells');
      break;
    case 'budget':
      out = await caseBudget(size);
      break;
    case 'fund-need':
      out = caseFundNeed(size);
      break;
    case 'write-stream-csv':
      out = { case: name, size, file, ...(await writeStreamCsv(file, size)) };
      break;
    case 'write-pair-csv':
      out = { case: name, size, ...(await writePairCsv(file, size)) };
      break;
    case 'write-unsorted-pair-csv':
      out = { case: name, size, ...(await writeUnsortedPairCsv(file, size)) };
      break;
    case 'floor':
      out = await caseFloor([file, file2], size);
      break;
    case 'duckdb':
      out = await caseDuckdb(file, file2, size);
      break;
    case 'stream':
      out = await caseStream(file);
      break;
    default:
      throw new Error(`unknown case ${name}`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
