import { alignCommand } from './align';
import { clausesCommand, documentsCommand, importCommand, textCommand } from './documents';
import { searchCommand } from './search';
import { themesCommand } from './themes';
import type { Command } from './types';

/** Every CLI command, by name. Features add theirs here. */
export const commands: Record<string, Command> = {
  import: importCommand,
  documents: documentsCommand,
  clauses: clausesCommand,
  text: textCommand,
  align: alignCommand,
  search: searchCommand,
  themes: themesCommand,
};
