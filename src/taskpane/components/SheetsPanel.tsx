/** The sheets found and their column mapping; the user confirms or overrides it, saved in the workbook. */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, EditRegular, SaveRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { SheetKind } from '../../core/fields';
import type { Report, SheetReport } from '../../core/report';
import type { MappingOverride } from '../../core/settings';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import { draftFor, fieldsOf, isOneOf, isRequired, parseMappingDraft, withKind, type MappingDraft } from '../mapping-form';
import { mappableSheets } from '../view-model';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheet: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground3 },
  columns: { display: 'block', marginTop: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  hint: { display: 'block', marginBottom: tokens.spacingVerticalS },
  errors: { marginTop: tokens.spacingVerticalS },
  errorList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface SheetsPanelProps {
  readonly t: PaneText;
  readonly lang: Lang;
  readonly report: Report;
  readonly saved: Readonly<Record<string, MappingOverride>> | undefined;
  readonly busy: boolean;
  /** Save (or, with null, forget) a sheet's mapping; resolves true when it was saved. */
  readonly onSave: (sheet: string, mapping: MappingOverride | null) => Promise<boolean>;
}

export function SheetsPanel(p: SheetsPanelProps) {
  const s = useStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const sheets = mappableSheets(p.report);
  return (
    <div>
      <Text className={s.hint} size={200}>
        {p.t.sheetsHint}
      </Text>
      <ul className={s.list}>
        {sheets.map(({ name }) => (
          <li key={name} className={s.sheet} data-sheet={name}>
            <SheetSummary {...p} name={name} detected={p.report.sheets.find((x) => x.name === name)} />
            {editing === name ? (
              <MappingEditor
                {...p}
                name={name}
                detected={p.report.sheets.find((x) => x.name === name)}
                onClose={() => setEditing(null)}
              />
            ) : (
              <div className={s.actions}>
                <Button size="small" icon={<EditRegular />} onClick={() => setEditing(name)} disabled={p.busy} aria-label={`${p.t.editMapping}: ${name}`}>
                  {p.t.editMapping}
                </Button>
                {p.saved?.[name] && (
                  <Button size="small" appearance="subtle" icon={<DismissRegular />} disabled={p.busy} onClick={() => void p.onSave(name, null)}>
                    {p.t.useDetection}
                  </Button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SheetSummary({ t, lang, name, detected, saved, report }: SheetsPanelProps & { name: string; detected: SheetReport | undefined }) {
  const s = useStyles();
  const msg = messages(lang);
  const isSaved = saved?.[name] !== undefined;
  const ignored = report.ignoredSheets.find((x) => x.name === name);
  return (
    <div>
      <div className={s.title}>
        <span className={s.name}>{name}</span>
        {detected ? (
          <>
            <Badge appearance="tint" color="brand">
              {msg[`kind_${detected.kind}`]()}
            </Badge>
            <Badge appearance="outline" color={isSaved ? 'success' : 'informative'}>
              {isSaved ? t.savedMapping : t.detected}
            </Badge>
          </>
        ) : (
          <Badge appearance="tint" color="informative">
            {t.notRecognised}
          </Badge>
        )}
      </div>
      {detected ? (
        <>
          <Text size={200} className={s.meta}>
            {t.headerRowAt(detected.headerRow)} · {t.records(detected.dataRows)}
          </Text>
          <Text size={200} className={s.columns}>
            {Object.entries(detected.columns)
              .map(([f, col]) => `${t.field[detected.kind][f] ?? f}: ${col}`)
              .join(' · ')}
          </Text>
        </>
      ) : (
        ignored && (
          <Text size={200} className={s.meta}>
            {ignored.reason}
          </Text>
        )
      )}
    </div>
  );
}

function MappingEditor(p: SheetsPanelProps & { name: string; detected: SheetReport | undefined; onClose: () => void }) {
  const s = useStyles();
  const { t } = p;
  const msg = messages(p.lang);
  const id = useId();
  const [draft, setDraft] = useState<MappingDraft>(() => draftFor(p.saved?.[p.name], p.detected));
  const [errors, setErrors] = useState<string[] | null>(null);

  const save = async () => {
    const result = parseMappingDraft(draft, t);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(null);
    if (await p.onSave(p.name, result.value)) p.onClose();
  };

  return (
    <form
      noValidate
      aria-label={`${t.editMapping}: ${p.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className={s.grid}>
        <Field label={t.kind}>
          <Select value={draft.kind} onChange={(_, d) => setDraft(withKind(draft, d.value as SheetKind))}>
            {(['task', 'inspection', 'registry'] as const).map((k) => (
              <option key={k} value={k}>
                {msg[`kind_${k}`]()}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.headerRow}>
          <Input type="number" min={1} value={draft.headerRow} onChange={(_, d) => setDraft({ ...draft, headerRow: d.value })} id={`${id}-header`} />
        </Field>
      </div>
      <div className={s.grid}>
        {fieldsOf(draft.kind).map((f) => {
          const label = t.field[draft.kind][f] ?? f;
          return (
            <Field key={`${draft.kind}-${f}`} label={label} required={isRequired(draft.kind, f)} hint={isOneOf(draft.kind, f) ? `(${t.required}: ${fieldsOneOf(draft.kind, t)})` : undefined}>
              <Input
                value={draft.columns[f] ?? ''}
                placeholder={t.columnPlaceholder}
                maxLength={3}
                onChange={(_, d) => setDraft({ ...draft, columns: { ...draft.columns, [f]: d.value.toUpperCase() } })}
              />
            </Field>
          );
        })}
      </div>
      {errors && (
        <MessageBar intent="error" className={s.errors} role="alert" data-testid="mapping-errors">
          <MessageBarBody>
            <MessageBarTitle>{t.mappingRejected}</MessageBarTitle>
            <ul className={s.errorList}>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" size="small" icon={<SaveRegular />} disabled={p.busy}>
          {t.saveMapping}
        </Button>
        <Button size="small" onClick={p.onClose}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

function fieldsOneOf(kind: SheetKind, t: PaneText): string {
  return fieldsOf(kind)
    .filter((f) => isOneOf(kind, f))
    .map((f) => t.field[kind][f] ?? f)
    .join(t.or);
}
