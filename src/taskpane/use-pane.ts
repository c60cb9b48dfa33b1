/**
 * The pane's state and effects: saved settings, the run options, the use cases it calls through the
 * host's port (check, clear, save), progress, what went wrong and what the host could not do. The
 * components render this; none of them calls a use case itself.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dayFromIso } from '../core/cells';
import type { Rubric } from '../core/rubric';
import { ruleSetForYear, type RuleSetId } from '../core/rule-sets/registry';
import { EMPTY_SETTINGS, parseSettings, type MappingOverride, type Settings } from '../core/settings';
import type { Lang } from '../i18n/messages';
import { paneText } from '../i18n/pane';
import type { WorkbookPort } from '../port/workbook-port';
import { checkBook, checkFlagAndScore, clearAllFlags, saveSettings, todayIso, type CheckOutcome } from '../usecases/check-workbook';
import { noticeText } from '../usecases/notices';
import { describeError, type ShownError } from './errors';
import type { PaneHost } from './host';
import { withProgress, type Stage } from './progress-port';
import { ReportRows } from './report-rows';

export interface Notice {
  readonly intent: 'success' | 'warning' | 'info';
  readonly text: string;
}

export interface PaneOptions {
  readonly host: PaneHost;
  readonly lang: Lang;
  /** The clock, for tests. */
  readonly now?: () => Date;
  /** An as-of date carried over from an earlier book (browser mode); it wins over the book's saved one. */
  readonly initialAsOf?: string;
  readonly onAsOfChange?: (iso: string) => void;
  /** Called after each check that wrote its flags and KQ sheets into the book. */
  readonly onChecked?: (outcome: CheckOutcome) => void;
}

export interface PaneState {
  readonly settings: Settings;
  readonly asOf: string;
  readonly asOfValid: boolean;
  readonly rules: RuleSetId | null;
  /** The chosen rule set, else the one in force in the as-of year. */
  readonly effectiveRules: RuleSetId;
  readonly outcome: CheckOutcome | null;
  /** The language the outcome's messages and reasons were written in. */
  readonly outcomeLang: Lang;
  readonly rows: ReportRows | null;
  readonly busy: Stage | null;
  readonly notice: Notice | null;
  readonly error: ShownError | null;
  /** What the host could not do or keep during the last operations, in words. */
  readonly hostNotices: readonly string[];
  /** Settings changed since the results were computed. */
  readonly stale: boolean;
  /** Counts the checks that finished, so that the view can move the focus to the results. */
  readonly checks: number;
  setAsOf(iso: string): void;
  setRules(rules: RuleSetId | null): void;
  dismissNotice(): void;
  dismissError(): void;
  dismissHostNotices(): void;
  showError(e: unknown): void;
  check(): Promise<void>;
  clear(): Promise<void>;
  saveDefaults(): Promise<void>;
  saveMapping(sheet: string, mapping: MappingOverride | null): Promise<boolean>;
  saveRubric(set: RuleSetId, rubric: Rubric): Promise<boolean>;
  saveMyUnit(unit: string | null): Promise<boolean>;
}

export function usePane({ host, lang, now, initialAsOf, onAsOfChange, onChecked }: PaneOptions): PaneState {
  const t = paneText(lang);
  const [settings, setSettings] = useState<Settings>(EMPTY_SETTINGS);
  const [asOf, setAsOf] = useState(() => initialAsOf ?? todayIso(now ? now() : new Date()));
  const [rules, setRules] = useState<RuleSetId | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [outcomeLang, setOutcomeLang] = useState<Lang>(lang);
  const [busy, setBusy] = useState<Stage | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [hostNotices, setHostNotices] = useState<readonly string[]>([]);
  const [stale, setStale] = useState(false);
  const [checks, setChecks] = useState(0);

  const tRef = useRef(t);
  tRef.current = t;
  const langRef = useRef(lang);
  langRef.current = lang;
  const carried = useRef(initialAsOf !== undefined);

  useEffect(() => {
    onAsOfChange?.(asOf);
  }, [asOf, onAsOfChange]);

  // The book's saved settings prefill the date (unless one was carried over), the rule set and the rubric.
  useEffect(() => {
    let live = true;
    host.port.readSettings().then(
      (text) => {
        if (!live) return;
        const parsed = parseSettings(text);
        setSettings(parsed.settings);
        if (parsed.settings.asOf && !carried.current) setAsOf(parsed.settings.asOf);
        if (parsed.settings.rules) setRules(parsed.settings.rules);
        if (parsed.error) setNotice({ intent: 'warning', text: tRef.current.settingsUnreadable(parsed.error) });
      },
      (e: unknown) => live && setError(describeError(e, tRef.current)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const asOfValid = dayFromIso(asOf) !== null;
  const effectiveRules: RuleSetId = rules ?? ruleSetForYear(Number(asOf.slice(0, 4)));

  const takeHostNotices = useCallback(() => {
    const taken = host.port.takeNotices().map((n) => noticeText(n, langRef.current));
    if (taken.length > 0) setHostNotices((prev) => [...prev, ...taken]);
  }, [host]);

  const perform = useCallback(
    async <T,>(first: Stage, work: (port: WorkbookPort) => Promise<T>): Promise<{ value: T } | null> => {
      setBusy(first);
      setError(null);
      setNotice(null);
      setHostNotices([]);
      try {
        return { value: await work(withProgress(host.port, setBusy)) };
      } catch (e) {
        setError(describeError(e, tRef.current));
        return null;
      } finally {
        takeHostNotices();
        setBusy(null);
      }
    },
    [host, takeHostNotices],
  );

  const show = useCallback((o: CheckOutcome, inLang: Lang) => {
    setOutcome(o);
    setOutcomeLang(inLang);
    setSettings(o.settings);
    setStale(false);
    if (o.settingsError) setNotice({ intent: 'warning', text: tRef.current.settingsUnreadable(o.settingsError) });
  }, []);

  const check = async () => {
    const done = await perform('reading', (port) => checkFlagAndScore(port, { asOf, rules: effectiveRules, lang }));
    if (done) {
      show(done.value, lang);
      setChecks((n) => n + 1);
      onChecked?.(done.value);
    }
  };

  const clear = async () => {
    const done = await perform('clearing', (port) => clearAllFlags(port));
    if (done) setNotice({ intent: 'success', text: t.cleared });
  };

  const save = async (next: Settings, text: string): Promise<boolean> => {
    const done = await perform('saving', (port) => saveSettings(port, next));
    if (!done) return false;
    setSettings(next);
    setNotice({ intent: 'success', text });
    return true;
  };

  /** Saving what changes the results leaves them stale until the next check. */
  const saveAffecting = async (next: Settings, text: string): Promise<boolean> => {
    const saved = await save(next, text);
    if (saved && outcome) setStale(true);
    return saved;
  };

  const saveDefaults = async () => {
    const next: Settings = { ...settings, asOf, lang };
    if (rules) next.rules = rules;
    else delete next.rules;
    await save(next, t.savedDefaults);
  };

  const saveMapping = (sheet: string, mapping: MappingOverride | null): Promise<boolean> => {
    const mappings = { ...settings.mappings };
    if (mapping) mappings[sheet] = mapping;
    else delete mappings[sheet];
    const next: Settings = { ...settings, mappings };
    if (Object.keys(mappings).length === 0) delete next.mappings;
    return saveAffecting(next, mapping ? t.mappingSaved(sheet) : t.mappingRemoved(sheet));
  };

  const saveRubric = (set: RuleSetId, rubric: Rubric): Promise<boolean> =>
    saveAffecting({ ...settings, rubrics: { ...settings.rubrics, [set]: rubric } }, t.rubricSaved);

  const saveMyUnit = (unit: string | null): Promise<boolean> => {
    const next: Settings = { ...settings };
    if (unit === null) delete next.myUnit;
    else next.myUnit = unit;
    return save(next, unit === null ? t.myUnitForgotten : t.myUnitSaved(unit));
  };

  // Switching the language re-reads the results in that language (messages and reasons come from
  // the engine); it writes nothing. One attempt per language, so a failing host is not retried in a loop.
  const attemptedLang = useRef<Lang | null>(null);
  useEffect(() => {
    if (outcome === null || busy !== null || outcomeLang === lang) {
      if (outcomeLang === lang) attemptedLang.current = null;
      return;
    }
    if (attemptedLang.current === lang) return;
    attemptedLang.current = lang;
    const { asOf: d, rules: r } = outcome.report;
    void perform('reading', (port) => checkBook(port, { asOf: d, rules: r, lang })).then((done) => {
      if (done) show(done.value, lang);
    });
  });

  const rows = useMemo(() => (outcome ? new ReportRows(outcome.report, outcome.sheets ?? [], outcomeLang) : null), [outcome, outcomeLang]);

  return {
    settings,
    asOf,
    asOfValid,
    rules,
    effectiveRules,
    outcome,
    outcomeLang,
    rows,
    busy,
    notice,
    error,
    hostNotices,
    stale,
    checks,
    setAsOf: (iso) => {
      carried.current = true;
      setAsOf(iso);
    },
    setRules,
    dismissNotice: () => setNotice(null),
    dismissError: () => setError(null),
    dismissHostNotices: () => setHostNotices([]),
    showError: (e) => setError(describeError(e, tRef.current)),
    check,
    clear,
    saveDefaults,
    saveMapping,
    saveRubric,
    saveMyUnit,
  };
}
