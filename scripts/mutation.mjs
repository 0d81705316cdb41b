#!/usr/bin/env node
// Mutation testing of pyhabot's pure modules: every mutant is checked by the TypeScript compiler first, then run
// against the unit tests that cover it. Writes the per-file summary into docs/mutation.md.
//
//   npm run test:mutation                         every module in MODULES
//   npm run test:mutation -- src/scrape/parse-price.ts   one module (the summary keeps the other rows)
import { readFileSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';

/** The pure decisions whose every behaviour a unit test should notice. */
const MODULES = [
  'src/domain/diff-ads.ts',
  'src/domain/watch-url.ts',
  'src/domain/truncate-text.ts',
  'src/domain/fold-text.ts',
  'src/domain/title-pattern.ts',
  'src/domain/filter-ad.ts',
  'src/domain/screen-changes.ts',
  'src/domain/validate-filter.ts',
  'src/domain/search-url.ts',
  'src/domain/delivery-backoff.ts',
  'src/domain/price-rules.ts',
  'src/domain/lifecycle-rules.ts',
  'src/domain/effective-rules.ts',
  'src/domain/validate-rules.ts',
  'src/domain/merge-notifications.ts',
  'src/domain/quiet-hours.ts',
  'src/domain/failure-episode.ts',
  'src/domain/price-stats.ts',
  'src/domain/repost-match.ts',
  'src/domain/price-context.ts',
  'src/domain/mass-disappearance.ts',
  'src/domain/chat-command.ts',
  'src/scrape/parse-ad-card.ts',
  'src/scrape/parse-ad-time.ts',
  'src/scrape/parse-price.ts',
  'src/scrape/parse-pager.ts',
  'src/scrape/listing-recognition.ts',
  'src/notify/channels/discord/render.ts',
  'src/notify/channels/slack/render.ts',
  'src/notify/channels/telegram/render.ts',
  'src/notify/channels/ntfy/render.ts',
  'src/notify/channels/json/render.ts',
];

const SUMMARY = 'docs/mutation.md';
const BEGIN = '<!-- mutation-summary:begin -->';
const END = '<!-- mutation-summary:end -->';

const requested = process.argv.slice(2);
const modules = requested.length > 0 ? requested : MODULES;

const stryker = new Stryker({
  mutate: modules,
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  // The sources alone: checking the tests against every mutant too doubled the checker's work, and the checker,
  // not the tests, is what each mutant waits for (docs/mutation.md).
  tsconfigFile: 'tsconfig.mutation.json',
  disableTypeChecks: 'src/**/*.ts',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Two type checkers and one test runner: most modules wait on the checker (docs/mutation.md).
  concurrency: 3,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'bench', 'docs', 'coverage', '*.db'],
});
const results = await stryker.runMutationTest();

const rows = new Map(readRows());
for (const file of modules) rows.set(file, tally(results.filter((mutant) => mutant.fileName.endsWith(file))));
writeSummary([...rows.entries()].sort(([a], [b]) => a.localeCompare(b)));

const weakest = [...rows.values()].map((row) => row.score).filter((score) => score !== null);
console.log(`mutation summary written to ${SUMMARY}; lowest score ${Math.min(...weakest).toFixed(1)} %`);

function tally(mutants) {
  const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
  const killed = count('Killed');
  const survived = count('Survived');
  const timedOut = count('Timeout');
  const noCoverage = count('NoCoverage');
  const compileErrors = count('CompileError');
  const detected = killed + timedOut;
  const valid = detected + survived + noCoverage;
  return {
    killed,
    survived,
    timedOut,
    noCoverage,
    compileErrors,
    score: valid === 0 ? null : (detected / valid) * 100,
  };
}

function readRows() {
  let text;
  try {
    text = readFileSync(SUMMARY, 'utf8');
  } catch {
    return [];
  }
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return [];
  return text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const score = cells[7] === 'n/a' ? null : Number.parseFloat(cells[7]);
      return [
        cells[1].replaceAll('`', ''),
        {
          killed: Number(cells[2]),
          survived: Number(cells[3]),
          timedOut: Number(cells[4]),
          noCoverage: Number(cells[5]),
          compileErrors: Number(cells[6]),
          score,
        },
      ];
    });
}

function writeSummary(entries) {
  const table = [
    '| module | killed | survived | timed out | no coverage | type errors | score |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...entries.map(
      ([file, row]) =>
        `| \`${file}\` | ${row.killed} | ${row.survived} | ${row.timedOut} | ${row.noCoverage} | ${row.compileErrors} | ${
          row.score === null ? 'n/a' : `${row.score.toFixed(1)} %`
        } |`,
    ),
  ].join('\n');
  const text = readFileSync(SUMMARY, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  writeFileSync(SUMMARY, `${text.slice(0, start + BEGIN.length)}\n${table}\n${text.slice(end)}`);
}
