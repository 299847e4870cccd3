export { type Command, bindCommand, commandById, commands, handlerOf, runCommand } from './registry';
export { handleKey, isEditable, matches, useCommand, useGlobalShortcuts } from './keyboard';
