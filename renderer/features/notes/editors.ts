import { deferred } from '../../app/deferred';

// The rich-text editors, loaded apart from the first screen: Lexical is a sixth of the renderer's
// code (see app/deferred.tsx). Import the editors from here, not from AnnotationEditor.tsx.
export const AnnotationEditor = deferred(() => import('./AnnotationEditor').then((m) => m.AnnotationEditor));
export const NoteEditor = deferred(() => import('./AnnotationEditor').then((m) => m.NoteEditor));
