/**
 * As-of date, rule set, Check, and in Excel the two buttons that only mean something there (Clear
 * flags, Save for the ribbon), with progress announced to screen readers.
 */
import { Button, Field, Input, ProgressBar, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentCheckmarkRegular, EraserRegular, SaveRegular } from '@fluentui/react-icons';
import { isRuleSetId, RULE_SETS, type RuleSetId } from '../../core/rule-sets/registry';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import { CHECK_STAGES, type Stage } from '../progress-port';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  field: { flex: '1 1 140px', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  progress: { marginTop: tokens.spacingVerticalM },
});

export interface RunOptionsProps {
  readonly t: PaneText;
  readonly lang: Lang;
  readonly hostKind: 'excel' | 'browser';
  readonly asOf: string;
  readonly asOfValid: boolean;
  readonly rules: RuleSetId | null;
  readonly busy: Stage | null;
  readonly onAsOf: (iso: string) => void;
  readonly onRules: (rules: RuleSetId | null) => void;
  readonly onCheck: () => void;
  readonly onClear: () => void;
  readonly onSaveDefaults: () => void;
}

export function RunOptions(p: RunOptionsProps) {
  const s = useStyles();
  const { t } = p;
  // Only a valid date names a year: a five-digit year typed into the field is not "1202".
  const year = p.asOfValid ? p.asOf.slice(0, 4) : '—';
  const stepIndex = p.busy ? CHECK_STAGES.indexOf(p.busy) : -1;
  const progressText = p.busy === null ? '' : stepIndex >= 0 ? `${t[`stage_${p.busy}`]} (${t.stepOf(stepIndex + 1, CHECK_STAGES.length)})` : t[`stage_${p.busy}`];
  return (
    <div>
      <div className={s.row}>
        <Field className={s.field} label={t.asOf} hint={t.asOfHint} validationMessage={p.asOfValid ? undefined : t.asOfInvalid}>
          <Input
            className={s.control}
            type="date"
            min="1900-01-01"
            max="9999-12-31"
            value={p.asOf}
            onChange={(_, d) => p.onAsOf(d.value)}
            disabled={p.busy !== null}
          />
        </Field>
        <Field className={s.field} label={t.rules}>
          <Select
            className={s.control}
            value={p.rules ?? ''}
            onChange={(_, d) => p.onRules(isRuleSetId(d.value) ? d.value : null)}
            disabled={p.busy !== null}
          >
            <option value="">{t.rulesByYear(year)}</option>
            {RULE_SETS.map((set) => (
              <option key={set.id} value={set.id}>
                {set.text(messages(p.lang))}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={s.actions}>
        <Button
          appearance="primary"
          icon={<DocumentCheckmarkRegular />}
          onClick={p.onCheck}
          disabled={p.busy !== null || !p.asOfValid}
          title={t.checkHint}
        >
          {t.check}
        </Button>
        {p.hostKind === 'excel' && (
          <>
            <Button icon={<EraserRegular />} onClick={p.onClear} disabled={p.busy !== null}>
              {t.clearFlags}
            </Button>
            <Button appearance="subtle" icon={<SaveRegular />} onClick={p.onSaveDefaults} disabled={p.busy !== null || !p.asOfValid}>
              {t.saveDefaults}
            </Button>
          </>
        )}
      </div>
      {/* Always present, so that screen readers announce each step as it changes. */}
      <div role="status" aria-live="polite" data-testid="progress">
        {p.busy !== null && (
          <Field className={s.progress} label={t.progress} validationState="none" validationMessage={progressText}>
            <ProgressBar value={stepIndex >= 0 ? (stepIndex + 0.5) / CHECK_STAGES.length : undefined} aria-label={t.progress} />
          </Field>
        )}
      </div>
    </div>
  );
}
