/**
 * Units outside the registry, and the registry name nearest to each, as the engine said them in its
 * unknown-unit findings. The findings' wording comes from the catalogue, so the patterns are built
 * from the catalogue too: the pane reads back what the engine wrote; it does not look for names.
 */
import type { Finding } from '../core/report';
import { unitKey } from '../core/values';
import { messages, type Lang } from '../i18n/messages';

const NAME = '\u0001';
const NEAREST = '\u0002';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Patterns {
  readonly prefix: string;
  readonly suffix: string;
  /** Between two items: the engine joins them with "; ". */
  readonly split: RegExp;
  readonly withNearest: RegExp;
  readonly alone: RegExp;
}

function patterns(lang: Lang): Patterns {
  const msg = messages(lang);
  const [prefix = '', suffix = ''] = msg.unknownUnit(NAME).split(NAME);
  const itemStart = msg.unknownUnitItem(NAME, null).split(NAME)[0] ?? '';
  const whole = (template: string) => new RegExp(`^${escape(template).replace(NAME, '(.+)').replace(NEAREST, '(.+)')}$`, 'u');
  return {
    prefix,
    suffix,
    split: new RegExp(`; (?=${escape(itemStart)})`, 'u'),
    withNearest: whole(msg.unknownUnitItem(NAME, NEAREST)),
    alone: whole(msg.unknownUnitItem(NAME, null)),
  };
}

/**
 * unit key → the nearest registry name (null when the registry offered none), for every unit an
 * unknown-unit finding names. `lang` is the language the findings were written in.
 */
export function outsideRegistry(findings: readonly Finding[], lang: Lang): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const p = patterns(lang);
  for (const f of findings) {
    if (f.rule !== 'unknown-unit' || !f.message.startsWith(p.prefix) || !f.message.endsWith(p.suffix)) continue;
    const items = f.message.slice(p.prefix.length, f.message.length - p.suffix.length);
    for (const item of items.split(p.split)) {
      const near = p.withNearest.exec(item);
      const name = near?.[1] ?? p.alone.exec(item)?.[1];
      if (name === undefined) continue;
      const key = unitKey(name);
      if (!out.has(key) || out.get(key) === null) out.set(key, near?.[2] ?? null);
    }
  }
  return out;
}
