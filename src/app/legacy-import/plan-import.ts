import type { RecognisedFile } from './detect-import-format.js';
import type { ImportPlan, PlanOptions } from './import-plan.js';
import { type BotConfigFile, plan2021Databank } from './plan-2021-databank.js';
import { plan2025TinyDb } from './plan-2025-tinydb.js';
import { planWatchExport } from './plan-watch-export.js';

/** Plan the import of a recognised file with the planner of its format. */
export function planImport(file: RecognisedFile, options: PlanOptions & { botConfig?: BotConfigFile }): ImportPlan {
  switch (file.format) {
    case 'pyhabot-2021':
      return plan2021Databank(file.document, options);
    case 'pyhabot-2025':
      return plan2025TinyDb(file.document, options);
    case 'pyhabot-export':
      return planWatchExport(file.document, options);
  }
}
