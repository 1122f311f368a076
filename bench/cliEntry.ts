/** The `medaid` CLI compiled into the benchmark build, so the benchmark runs the same code as bin/medaid.js. */
import { main } from '../src/cli/main';

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
