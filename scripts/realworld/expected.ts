/**
 * What a real-world sample is expected to give, checked by hand against its rendered pages
 * (`samples/realworld/<name>/expected/`): `tables.json` (the tables of the covered pages, same shape
 * as every other sample's) and `facts.json` (this file's `RealworldFacts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedTable as SharedExpectedTable } from '../../samples/generate/expected-types.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REALWORLD = join(ROOT, 'samples', 'realworld');

/** One expected table (expected/tables.json, the shape of every sample's); here `pages` is always given. */
export type ExpectedTable = SharedExpectedTable & { pages: number[] };

/** The criteria the CI test asserts per file (test/e2e/realworld.test.ts). */
export const CRITERIA = ['tables', 'text', 'repeated', 'errors', 'methods', 'warnings'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface RealworldFacts {
  /** what the page(s) show, in a sentence or two */
  notes: string;
  /** born-digital (its tables must be exact) or a scan */
  bornDigital: boolean;
  /** pages whose tables expected/tables.json lists completely; null = every page */
  tablePages: number[] | null;
  /** text that must appear in text.txt exactly (compared with whitespace removed): titles, dates, paragraphs */
  textFacts: string[];
  /** text that must not appear (whitespace removed): glyphs printed several times over (fake bold) read more than once */
  absentText: string[];
  /** per page (1-based, as a string key), the read method it must get: 'text', 'ocr', 'both', or 'text|both' */
  methods: Record<string, string>;
  /** no error-level finding may fire (the pages hold no inconsistency) */
  noErrors: boolean;
  /** at most this many warning-level findings (false alarms of the review queue, e.g. content read as specks); absent = not checked */
  maxWarnings?: number;
  /** criteria that fail today (issue #10, being fixed in parallel): the test expects them to fail; delete an entry once it passes */
  knownFailing: Criterion[];
  /** why each known failure fails, as seen on the picture */
  knownFailingWhy?: Partial<Record<Criterion, string>>;
}

export interface RealworldSample {
  name: string;
  pdf: string;
  facts: RealworldFacts;
  tables: ExpectedTable[];
}

/** Every sample folder of samples/realworld with an expected/facts.json, by name. */
export function realworldSamples(): RealworldSample[] {
  return readdirSync(REALWORLD, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(REALWORLD, d.name, 'expected', 'facts.json')))
    .map((d) => d.name)
    .sort()
    .map(loadSample);
}

export function loadSample(name: string): RealworldSample {
  const dir = join(REALWORLD, name);
  const read = <T>(file: string, fallback: T): T => {
    const p = join(dir, 'expected', file);
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : fallback;
  };
  const facts = read<RealworldFacts | null>('facts.json', null);
  if (!facts) throw new Error(`${name}: no expected/facts.json`);
  for (const c of facts.knownFailing) if (!(CRITERIA as readonly string[]).includes(c)) throw new Error(`${name}: unknown criterion '${c}' in knownFailing`);
  return { name, pdf: join(dir, `${name}.pdf`), facts, tables: read<ExpectedTable[]>('tables.json', []) };
}
