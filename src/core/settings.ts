/** What the add-in saves in a workbook: confirmed column mappings, the as-of date, rules, rubric. */
import { z } from 'zod';
import { KINDS } from './fields';
import { RULE_SET_IDS, RubricsSchema } from './rule-sets/registry';

const columnLetters = z.string().regex(/^[A-Z]{1,3}$/);

export const MappingOverrideSchema = z
  .object({
    kind: z.enum(['task', 'inspection', 'registry']),
    /** 1-based sheet row of the (lower) header row. */
    headerRow: z.number().int().min(1).max(1_048_576),
    /** field → column letter. */
    columns: z.record(z.string(), columnLetters),
  })
  .strict()
  .superRefine((m, ctx) => {
    const spec = KINDS.find((k) => k.kind === m.kind)!;
    for (const field of Object.keys(m.columns)) {
      if (!(field in spec.synonyms)) ctx.addIssue({ code: 'custom', message: `unknown field ${field} for ${m.kind}` });
    }
    for (const anyOf of spec.required) {
      if (!anyOf.some((f) => f in m.columns)) ctx.addIssue({ code: 'custom', message: `missing ${anyOf.join(' or ')}` });
    }
  });
export type MappingOverride = z.infer<typeof MappingOverrideSchema>;

export const SettingsSchema = z
  .object({
    version: z.literal(1),
    /** Fixed as-of date; absent means today. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    rules: z.enum(RULE_SET_IDS).optional(),
    lang: z.enum(['vi', 'en']).optional(),
    workingDays: z.boolean().optional(),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
    rubrics: RubricsSchema.optional(),
    /** sheet name → confirmed mapping. */
    mappings: z.record(z.string(), MappingOverrideSchema).optional(),
    /** The unit the pane filters findings by when it opens ("my unit"), as the report spells it. */
    myUnit: z.string().min(1).max(300).optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const EMPTY_SETTINGS: Settings = { version: 1 };

/** Parse saved settings text; anything unreadable gives the empty settings and the reason. */
export function parseSettings(text: string | null | undefined): { settings: Settings; error: string | null } {
  if (!text) return { settings: EMPTY_SETTINGS, error: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: EMPTY_SETTINGS, error: 'saved settings are not valid JSON' };
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) return { settings: EMPTY_SETTINGS, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { settings: parsed.data, error: null };
}
