/**
 * Fluent themes that follow Office: inside Excel the pane takes the Office theme's background and
 * text colours (dark when Office is dark); in a browser it follows the system's colour scheme.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

/** Relative luminance of "#rrggbb" (0 dark … 1 light), or null for anything else. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFromOffice(office: OfficeThemeColours | undefined): Theme {
  const lum = luminance(office?.bodyBackgroundColor);
  if (lum === null || !office?.bodyBackgroundColor) return webLightTheme;
  const base = lum < 0.35 ? webDarkTheme : webLightTheme;
  const theme: Theme = { ...base, colorNeutralBackground1: office.bodyBackgroundColor };
  if (office.bodyForegroundColor && luminance(office.bodyForegroundColor) !== null) theme.colorNeutralForeground1 = office.bodyForegroundColor;
  return theme;
}

export function themeFromSystem(): Theme {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? webDarkTheme : webLightTheme;
}
