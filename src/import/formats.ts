import { type BotConfigFile, plan2021Databank } from './databank-2021.js';
import { WATCH_EXPORT_FORMAT } from './export-file.js';
import { isRecord } from './file-shape.js';
import type { ImportFormat, ImportPlan, PlanOptions } from './import-plan.js';
import { notRecognised, parseDocument } from './parse-document.js';
import { planWatchExport } from './read-export-file.js';
import { plan2025TinyDb } from './tinydb-2025.js';

/** Options a format's planner takes; `botConfig` is read beside the 2021 bot's databank only. */
export type FormatPlanOptions = PlanOptions & { botConfig?: BotConfigFile };

/** How one kind of file is named, recognised and turned into a plan. */
interface FormatSpec {
  /** The name shown in reports. */
  name: string;
  /** True when a parsed file (a JSON object) is of this format. */
  detect(document: Record<string, unknown>): boolean;
  plan(document: unknown, options: FormatPlanOptions): ImportPlan;
}

/**
 * Every format import reads, tried in this order. Only an export carries a `format` marker; the old bot's files are
 * told apart by their top-level keys (TinyDB writes each table as one, the 2021 databank has "list").
 */
export const formats = {
  'pyhabot-export': {
    name: 'pyhabot export',
    detect: (document) => document.format === WATCH_EXPORT_FORMAT,
    plan: planWatchExport,
  },
  'pyhabot-2025': {
    name: 'PYHABOT 2025 fork (persistent_data/watchlist.json)',
    detect: (document) => document.format === undefined && 'watchlist' in document,
    plan: plan2025TinyDb,
  },
  'pyhabot-2021': {
    name: 'PYHABOT 2021 bot (databank/viewers.json)',
    detect: (document) => document.format === undefined && 'list' in document,
    plan: plan2021Databank,
  },
} satisfies Record<ImportFormat, FormatSpec>;

/** A file's parsed content and the format it was recognised as. */
export interface RecognisedFile {
  format: ImportFormat;
  document: unknown;
}

/** Parse a file's text (JSON, or YAML for exports) and tell which format it is, by its content. */
export function recogniseImportFile(text: string, source: string): RecognisedFile {
  const document = parseDocument(text, source);
  if (!isRecord(document)) throw notRecognised(source);
  for (const [format, spec] of Object.entries(formats) as Array<[ImportFormat, FormatSpec]>) {
    if (spec.detect(document)) return { format, document };
  }
  const marker = document.format;
  throw notRecognised(source, marker === undefined ? undefined : `its format marker is ${JSON.stringify(marker)}`);
}

/** Plan the import of a recognised file with its format's planner. */
export function planImport(file: RecognisedFile, options: FormatPlanOptions): ImportPlan {
  return formats[file.format].plan(file.document, options);
}
