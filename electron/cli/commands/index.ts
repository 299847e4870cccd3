import { alignCommand } from './align';
import { compareCommand } from './compare';
import { clausesCommand, documentsCommand, importCommand, textCommand } from './documents';
import { exportCommand, restoreCommand } from './export';
import { importQdpxCommand } from './import-qdpx';
import { searchCommand } from './search';
import { themesCommand } from './themes';
import type { Command } from './types';
import { whereElseCommand } from './where-else';

/** Every CLI command, by name. Features add theirs here. */
export const commands: Record<string, Command> = {
  import: importCommand,
  documents: documentsCommand,
  clauses: clausesCommand,
  text: textCommand,
  align: alignCommand,
  search: searchCommand,
  themes: themesCommand,
  compare: compareCommand,
  export: exportCommand,
  'import-qdpx': importQdpxCommand,
  restore: restoreCommand,
  'where-else': whereElseCommand,
};
