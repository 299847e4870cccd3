/** Sidebar entries every build must show, in order; those without a feature yet say so plainly. */
export const plannedSections = ['library', 'search', 'compare', 'themes', 'notes'] as const;
