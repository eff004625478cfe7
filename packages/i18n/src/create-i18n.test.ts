import { describe, expect, it } from 'vitest';
import { createI18n } from './create-i18n';
import { matchLocale, parseAcceptLanguage } from './locales';

describe('createI18n', () => {
  it('formats ICU plurals and arguments in each language', () => {
    const en = createI18n({ locale: 'en' });
    const ko = createI18n({ locale: 'ko' });
    expect(en.t('editor:runOutput.attempts', { count: 1 })).toBe('1 attempt');
    expect(en.t('editor:runOutput.attempts', { count: 3 })).toBe('3 attempts');
    expect(ko.t('editor:runOutput.attempts', { count: 3 })).toBe('3회 시도');
    expect(ko.t('pages:bots.deleted', { name: '요약 봇' })).toBe('“요약 봇” 봇을 삭제했어요');
    expect(en.t('pages:schedules.inputHint')).toBe('What {{ input }} holds in scheduled runs.');
  });

  it('keeps separate instances per language', () => {
    const en = createI18n({ locale: 'en' });
    createI18n({ locale: 'ko' });
    expect(en.t('common:nav.bots')).toBe('Bots');
  });
});

describe('locale negotiation', () => {
  it('picks the first supported language of the user', () => {
    expect(matchLocale(['ko-KR', 'en-US'])).toBe('ko');
    expect(matchLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(matchLocale(['fr'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });
  it('reads Accept-Language by weight', () => {
    expect(parseAcceptLanguage('en;q=0.5, ko-KR, fr;q=0')).toEqual(['ko-KR', 'en']);
    expect(matchLocale(parseAcceptLanguage('de-DE,ko;q=0.9,en;q=0.8'))).toBe('ko');
  });
});
