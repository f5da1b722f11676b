/** Reading settings: font size, line spacing, theme, UI language. Saved through the API at each change. */
import type { Theme, UiLanguage } from '../../src/api/contract';
import { useApp } from '../app/context';
import { clamp, FONT_SIZE, LINE_HEIGHT, roundTenth, THEMES } from '../app/settings';
import type { StringKey } from '../i18n';

const THEME_KEYS: Record<Theme, StringKey> = { light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };

export function SettingsPanel() {
  const { settings, setSettings, settingsError, t } = useApp();
  const size = (value: number) => void setSettings({ fontSize: clamp(Math.round(value), FONT_SIZE.min, FONT_SIZE.max) });
  const spacing = (value: number) => void setSettings({ lineHeight: clamp(roundTenth(value), LINE_HEIGHT.min, LINE_HEIGHT.max) });
  return (
    <form className="settings" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('fontSize')}</legend>
        <div className="stepper">
          <button type="button" onClick={() => size(settings.fontSize - FONT_SIZE.step)} disabled={settings.fontSize <= FONT_SIZE.min} aria-label={`${t('fontSize')}: ${t('smaller')}`} dir="ltr">
            A−
          </button>
          <input
            type="range"
            id="setting-font-size"
            aria-label={t('fontSize')}
            min={FONT_SIZE.min}
            max={FONT_SIZE.max}
            step={FONT_SIZE.step}
            value={settings.fontSize}
            onChange={(event) => size(Number(event.target.value))}
          />
          <button type="button" onClick={() => size(settings.fontSize + FONT_SIZE.step)} disabled={settings.fontSize >= FONT_SIZE.max} aria-label={`${t('fontSize')}: ${t('larger')}`} dir="ltr">
            A+
          </button>
          <output htmlFor="setting-font-size" className="setting-value" dir="ltr">
            {settings.fontSize}px
          </output>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('lineHeight')}</legend>
        <div className="stepper">
          <input
            type="range"
            id="setting-line-height"
            aria-label={t('lineHeight')}
            min={LINE_HEIGHT.min}
            max={LINE_HEIGHT.max}
            step={LINE_HEIGHT.step}
            value={settings.lineHeight}
            onChange={(event) => spacing(Number(event.target.value))}
          />
          <output htmlFor="setting-line-height" className="setting-value" dir="ltr">
            {settings.lineHeight.toFixed(1)}
          </output>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('theme')}</legend>
        <div className="choices">
          {THEMES.map((theme) => (
            <label key={theme} className={`theme-choice theme-swatch-${theme}`}>
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void setSettings({ theme })} />
              {t(THEME_KEYS[theme])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('uiLanguage')}</legend>
        <select
          aria-label={t('uiLanguage')}
          value={settings.uiLanguage ?? 'system'}
          onChange={(event) => {
            const value = event.target.value;
            void setSettings({ uiLanguage: value === 'system' ? null : (value as UiLanguage) });
          }}
        >
          <option value="system">{t('languageSystem')}</option>
          <option value="ar" lang="ar">
            {t('languageArabic')}
          </option>
          <option value="en" lang="en">
            {t('languageEnglish')}
          </option>
        </select>
      </fieldset>
      {settingsError !== null && (
        <p role="alert" className="error-text">
          {t('settingsSaveFailed', { message: settingsError })}
        </p>
      )}
    </form>
  );
}
