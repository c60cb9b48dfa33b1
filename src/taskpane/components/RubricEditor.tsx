/** The rubric of the chosen rule set: weights, thresholds and quota, validated before it is saved. */
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowResetRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Rubric } from '../../core/rubric';
import { ruleSetById, type Rubrics, type RuleSetId } from '../../core/rule-sets/registry';
import type { PaneText } from '../../i18n/pane';
import { defaultRubric, draftOf, parseRubricDraft, rubricOf, type RubricDraft } from '../rubric-form';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  hint: { display: 'block', marginBottom: tokens.spacingVerticalS },
  errors: { marginTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface RubricEditorProps {
  readonly t: PaneText;
  readonly rules: RuleSetId;
  readonly rubrics: Rubrics | undefined;
  readonly busy: boolean;
  readonly onSave: (rules: RuleSetId, rubric: Rubric) => Promise<boolean>;
}

export function RubricEditor({ t, rules, rubrics, busy, onSave }: RubricEditorProps) {
  const s = useStyles();
  const [draft, setDraft] = useState<RubricDraft>(() => draftOf(rules, rubricOf(rules, rubrics)));
  const [errors, setErrors] = useState<{ list: string[]; fields: Readonly<Record<string, string>> } | null>(null);

  useEffect(() => {
    setDraft(draftOf(rules, rubricOf(rules, rubrics)));
    setErrors(null);
  }, [rules, rubrics]);

  const save = async () => {
    const result = parseRubricDraft(rules, draft, t);
    if (!result.ok) {
      setErrors({ list: result.errors, fields: result.fields });
      return;
    }
    setErrors(null);
    await onSave(rules, result.value);
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-label={t.rubricFor(rules)}
    >
      <Text className={s.hint} size={200}>
        {t.rubricFor(rules)}. {t.rubricHint}
      </Text>
      <div className={s.grid}>
        {ruleSetById(rules).rubricFields.map((f) => (
          <Field
            key={f.key}
            label={`${t.rubricField[f.key] ?? f.key} (${f.unit === 'percent' ? t.percent : t.points})`}
            validationMessage={errors?.fields[f.key]}
          >
            <Input
              inputMode="decimal"
              value={draft[f.key] ?? ''}
              onChange={(_, d) => setDraft({ ...draft, [f.key]: d.value })}
              contentAfter={<Text size={200}>{f.unit === 'percent' ? '%' : ''}</Text>}
              name={f.key}
            />
          </Field>
        ))}
      </div>
      {errors && (
        <MessageBar intent="error" className={s.errors} role="alert" data-testid="rubric-errors">
          <MessageBarBody>
            <MessageBarTitle>{t.rubricRejected}</MessageBarTitle>
            <ul className={s.list}>
              {errors.list.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={busy}>
          {t.saveRubric}
        </Button>
        <Button
          icon={<ArrowResetRegular />}
          disabled={busy}
          onClick={() => {
            setDraft(draftOf(rules, defaultRubric(rules)));
            setErrors(null);
          }}
        >
          {t.resetRubric}
        </Button>
      </div>
    </form>
  );
}
