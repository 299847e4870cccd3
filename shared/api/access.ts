import type { MethodName } from './contract';
import { roles, type Role } from '../domain/vocabulary';

/**
 * Who may call what on a team project (#14). Declared as data beside the contract so that a new
 * method cannot be added without deciding its access: the `satisfies` below fails to compile when
 * a method is missing. The desktop app runs everything as the owner; the team server checks
 * `allowed(role, method)` before a handler runs.
 *
 * - `read`:   looking at the corpus, codings, notes, comparisons and exporting them.
 * - `code`:   a coder's own work: codings, decisions on suggested links, notes, attribute values.
 * - `manage`: the project's shape: which documents are in it, the codebook, restores, imports.
 */
export const accessLevels = ['read', 'code', 'manage'] as const;
export type Access = (typeof accessLevels)[number];

export { roles, type Role };

/** The highest access each role has; access levels are ordered, each includes the ones before. */
const roleAccess: Record<Role, Access> = { viewer: 'read', coder: 'code', owner: 'manage' };

export const methodAccess = {
  'system.info': 'read',
  'tasks.cancel': 'read',

  'documents.list': 'read',
  'documents.find': 'read',
  'documents.filterValues': 'read',
  'documents.get': 'read',
  'documents.text': 'read',
  'documents.clauses': 'read',
  'documents.trash': 'read',
  'documents.updateMetadata': 'code',
  'documents.delete': 'manage',
  'documents.restore': 'manage',
  'documents.purge': 'manage',
  'documents.importPaths': 'manage',
  'documents.importFiles': 'manage',

  'search.query': 'read',
  'search.count': 'read',
  'search.facets': 'read',

  'compare.list': 'read',
  'compare.view': 'read',
  'compare.align': 'read',
  'compare.whereElse': 'read',
  'compare.create': 'code',
  'compare.rename': 'code',
  'compare.delete': 'code',
  'compare.restore': 'code',
  'compare.decide': 'code',
  'compare.unlink': 'code',

  'themes.codebook': 'read',
  'themes.clauses': 'read',
  'themes.history': 'read',
  'themes.heatmap': 'read',
  'themes.matrix': 'read',
  'themes.code': 'code',
  'themes.uncode': 'code',
  'themes.decide': 'code',
  'themes.acceptAbove': 'code',
  'themes.setInstrument': 'code',
  'themes.undo': 'code',
  'themes.redo': 'code',
  'themes.create': 'manage',
  'themes.update': 'manage',
  'themes.move': 'manage',
  'themes.merge': 'manage',
  'themes.delete': 'manage',
  'themes.recompute': 'manage',

  'extraction.targets': 'read',
  'extraction.agencies': 'read',

  'notes.list': 'read',
  'notes.forTarget': 'read',
  'notes.get': 'read',
  'notes.ranges': 'read',
  'notes.create': 'code',
  'notes.save': 'code',
  'notes.delete': 'code',
  'notes.restore': 'code',

  'attributes.list': 'read',
  'attributes.values': 'read',
  'attributes.history': 'read',
  'attributes.match': 'read',
  'attributes.set': 'code',
  'attributes.undo': 'code',
  'attributes.redo': 'code',
  'attributes.create': 'manage',
  'attributes.update': 'manage',
  'attributes.delete': 'manage',

  'coders.list': 'read',
  'coders.setCurrent': 'code',
  'coders.add': 'manage',
  'coders.rename': 'manage',

  // Agreement figures are read by anyone; reconciling writes the project's consensus: the lead's call.
  'agreement.compute': 'read',
  'agreement.export': 'read',
  'agreement.reconcile': 'manage',

  'export.comparison': 'read',
  'export.project': 'read',
  'export.concordance': 'read',
  'export.backup': 'manage',
  'project.restore': 'manage',
  'project.importQdpx': 'manage',

  // Everyone sees who is on the team and changes their own password (the handler audits that
  // call although it is 'read'); the lead manages accounts. The audit trail is read-only but
  // shows everyone's work: its handler lets only the lead read it.
  'team.members': 'read',
  'team.changePassword': 'read',
  'team.audit': 'read',
  'team.addMember': 'manage',
  'team.updateMember': 'manage',
} as const satisfies Record<MethodName, Access>;

export function accessOf(method: MethodName): Access {
  return methodAccess[method];
}

/** Whether a member with `role` may call `method`. */
export function allowed(role: Role, method: MethodName): boolean {
  return accessLevels.indexOf(roleAccess[role]) >= accessLevels.indexOf(accessOf(method));
}
