import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { app } from './app';

export type Locale = 'zh-CN' | 'en';
export const locales: Locale[] = ['zh-CN', 'en'];

/**
 * Catalogues: the shell's (./app.ts) plus one per feature (features/<name>/i18n.ts exporting
 * `catalog = { en: {…}, 'zh-CN': {…} }`), registered as the i18n namespace <name>.
 * test/unit/i18n.test.ts checks every catalogue has the same keys in both languages.
 */
type Catalog = { en: Record<string, unknown>; 'zh-CN': Record<string, unknown> };
const featureCatalogs = import.meta.glob<{ catalog: Catalog }>('../features/*/i18n.ts', { eager: true });

export function catalogs(): Record<string, Catalog> {
  const all: Record<string, Catalog> = { app };
  for (const [path, mod] of Object.entries(featureCatalogs)) {
    const name = /features\/([^/]+)\/i18n\.ts$/.exec(path)?.[1];
    if (name && mod.catalog) all[name] = mod.catalog;
  }
  return all;
}

export function initialLocale(): Locale {
  const saved = localStorage.getItem('policylens.locale');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function initI18n(): Promise<typeof i18next> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = { en: {}, 'zh-CN': {} };
  for (const [ns, cat] of Object.entries(catalogs())) {
    resources.en[ns] = cat.en;
    resources['zh-CN'][ns] = cat['zh-CN'];
  }
  const lng = initialLocale();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLocale(lng: Locale): void {
  localStorage.setItem('policylens.locale', lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}
