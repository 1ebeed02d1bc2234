import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { isLocale, LOCALES, type Locale } from '#shared/api/values.ts';
import en from './en.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };

/** The language the interface is in now, always one of ours. */
export function currentLanguage(): Locale {
  const l = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(l) ? l : 'en';
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, it: { translation: it } },
    supportedLngs: LOCALES,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes.
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: 'rete.lang',
      caches: ['localStorage'],
    },
    returnNull: false,
  });

const setHtmlLang = (lng: string) => {
  document.documentElement.lang = isLocale(lng) ? lng : 'en';
};
setHtmlLang(currentLanguage());
i18n.on('languageChanged', () => setHtmlLang(currentLanguage()));

export default i18n;
