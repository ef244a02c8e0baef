// Writes tests/fidelity/snippets/<name>.expected.txt from the real current libraries
// (Flask 3.1.3, Werkzeug 3.1.9, PyJWT 2.15.1, Flask-JWT-Extended 4.7.4).
//
//   npx tsx scripts/fidelity-expected.ts                 # every program
//   npx tsx scripts/fidelity-expected.ts flask_session   # programs whose name contains it
//   npx tsx scripts/fidelity-expected.ts --check         # compare only, exit 1 on a difference
//
// The reference Python comes from scripts/reference-python.sh (Debian sid's packages of those
// releases, unpacked under .cache/), or from REFERENCE_CURRENT_PYTHON if set to a Python whose
// own site-packages hold them.
import { writeFileSync } from 'node:fs';
import { currentReferenceOutputs, fidelityPrograms, readExpected } from '../tests/support/currentReference.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const filters = args.filter((arg) => !arg.startsWith('--'));
const programs = fidelityPrograms().filter(
  (program) => filters.length === 0 || filters.some((filter) => program.name.includes(filter)),
);
const outputs = currentReferenceOutputs(programs.map((program) => program.file));
let differences = 0;
for (const program of programs) {
  const actual = outputs[program.file];
  if (actual === undefined) throw new Error(`no output for ${program.name}`);
  const expected = readExpected(program);
  if (expected === actual) continue;
  differences += 1;
  if (check) console.error(`differs: ${program.name}`);
  else {
    writeFileSync(program.expectedFile, actual);
    console.log(`${expected === undefined ? 'wrote' : 'updated'} ${program.expectedFile}`);
  }
}
console.log(`${programs.length} programs, ${differences} ${check ? 'differ' : 'written'}`);
if (check && differences > 0) process.exit(1);
