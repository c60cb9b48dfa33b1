/** Command-line arguments of `check` (SPEC §7), validated before anything is read. */
import { z } from 'zod';
import { dayFromIso } from '../core/cells';
import { RULE_SET_IDS, type RuleSetId } from '../core/rule-sets/registry';
import { CLI_ERRORS } from '../i18n/cli';
import type { Lang } from '../i18n/messages';

export interface CheckArgs {
  readonly input: string;
  readonly asOf?: string;
  readonly rules?: RuleSetId;
  readonly json?: string;
  readonly out?: string;
  readonly lang: Lang;
}

export class UsageError extends Error {
  constructor(readonly text: { vi: string; en: string }) {
    super(text.en);
  }
}

const OPTIONS = new Set(['--as-of', '--rules', '--json', '--out', '--lang']);
const LangSchema = z.enum(['vi', 'en']);
const RulesSchema = z.enum(RULE_SET_IDS);

/** The language asked for, even when other arguments are wrong (so errors speak it). */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const parsed = LangSchema.safeParse(i >= 0 ? argv[i + 1] : undefined);
  return parsed.success ? parsed.data : 'vi';
}

export function parseArgs(argv: readonly string[]): CheckArgs {
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command === undefined ? CLI_ERRORS.missingInput : CLI_ERRORS.unknownCommand(command));
  const values: Record<string, string> = {};
  let input: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith('--')) {
      if (!OPTIONS.has(a)) throw new UsageError(CLI_ERRORS.unknownOption(a));
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(CLI_ERRORS.missingValue(a));
      values[a] = v;
      i++;
    } else if (input === undefined) input = a;
    else throw new UsageError(CLI_ERRORS.unknownOption(a));
  }
  if (input === undefined) throw new UsageError(CLI_ERRORS.missingInput);
  const asOf = values['--as-of'];
  if (asOf !== undefined && dayFromIso(asOf) === null) throw new UsageError(CLI_ERRORS.badAsOf(asOf));
  const rulesText = values['--rules'];
  const rules = rulesText === undefined ? undefined : RulesSchema.safeParse(rulesText);
  if (rulesText !== undefined && !rules?.success) throw new UsageError(CLI_ERRORS.badRules(rulesText, RULE_SET_IDS));
  const lang = values['--lang'];
  if (lang !== undefined && !LangSchema.safeParse(lang).success) throw new UsageError(CLI_ERRORS.badLang(lang));
  return {
    input,
    asOf,
    rules: rules?.data,
    json: values['--json'],
    out: values['--out'],
    lang: (lang as Lang | undefined) ?? 'vi',
  };
}
