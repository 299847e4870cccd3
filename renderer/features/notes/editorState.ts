import { emptyState as domainEmpty } from '../../../shared/domain/annotations/index';
import { safeHref } from '../../../shared/domain/lexical-render/index';

export const emptyState = domainEmpty;
export const safeHrefForEditor = (u: unknown): string | null => safeHref(u);
