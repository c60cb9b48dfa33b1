/**
 * Browser mode with several books (SPEC 1.3 §7): the way (separately or together) and the as-of
 * date, then the summary first — the books compared, and the books that could not be read — then
 * one book's findings and units at a time, and one archive to download (books-run.ts says why).
 */
import {
  Accordion,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentCheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { summarizeBook, type BookSummary, type Mode } from '../../core/books';
import type { Report } from '../../core/report';
import { booksPaneText, booksText } from '../../i18n/books';
import { formatCount } from '../../i18n/format';
import type { Lang } from '../../i18n/messages';
import { paneText } from '../../i18n/pane';
import { todayIso } from '../../usecases/check-workbook';
import { booksArchive, booksRead, bookPart, openBook, runBooks, type BookFile, type BooksResult } from '../books-run';
import { browserHost, downloadBytes } from '../browser-host';
import { describeError } from '../errors';
import type { PaneHost } from '../host';
import { ReportRows } from '../report-rows';
import { FindingsPanel } from './FindingsPanel';
import { NoticeList, useDownloadGate } from './HeldDownload';
import { Section, type SectionId } from './Section';
import { CARD, COLUMN } from '../styles';
import { UnitsPanel } from './UnitsPanel';

const useStyles = makeStyles({
  root: COLUMN,
  card: {
    ...CARD,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { flex: '1 1 160px', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  scroll: { overflowX: 'auto', minWidth: 0 },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface BooksViewProps {
  readonly lang: Lang;
  readonly files: readonly BookFile[];
  /** Why a file could not be opened, in words (the same as for one file). */
  readonly describe: (file: BookFile, error: unknown) => string;
  readonly initialAsOf?: string;
  readonly onAsOfChange?: (iso: string) => void;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

/** The book on show: its report, its rows, and the host that shows the cells around a finding. */
interface Shown {
  readonly file: string;
  readonly report: Report;
  readonly rows: ReportRows;
  readonly host: PaneHost;
}

export function BooksView({ lang, files, describe, initialAsOf, onAsOfChange, now }: BooksViewProps) {
  const s = useStyles();
  const t = paneText(lang);
  const b = booksPaneText(lang);
  const [mode, setMode] = useState<Mode>('separately');
  const [asOf, setAsOf] = useState(() => initialAsOf ?? todayIso(now ? now() : new Date()));
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const [result, setResult] = useState<BooksResult | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [notices, setNotices] = useState<readonly string[]>([]);
  const [open, setOpen] = useState<SectionId[]>(['findings', 'units']);
  const heading = useRef<HTMLHeadingElement>(null);
  const asOfValid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  useEffect(() => onAsOfChange?.(asOf), [asOf, onAsOfChange]);

  const check = async () => {
    setError(null);
    setResult(null);
    setShown(null);
    setNotices([]);
    setProgress({ done: 0, of: files.length });
    try {
      const r = await runBooks({
        files,
        mode,
        request: { asOf, lang },
        describe,
        duplicate: b.duplicate,
        onProgress: (done, of) => setProgress({ done, of }),
      });
      setResult(r);
      setSelected(booksRead(r)[0] ?? null);
    } catch (e) {
      setError(describeError(e, t).text);
    } finally {
      setProgress(null);
    }
  };

  // After a check, the summary heading takes the focus: a screen reader says where the results are.
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);

  // The book on show is opened again for its rows and cells; only that one is held open.
  useEffect(() => {
    if (!result || selected === null) return;
    let live = true;
    const file = files.find((f) => f.name === selected);
    const report = result.mode === 'separately' ? result.books.find((x) => x.file === selected)?.report : bookPart(result.outcome.report, selected);
    if (!file || !report) return;
    void openBook(file).then(
      ({ book, sheets }) => {
        if (live) setShown({ file: selected, report, rows: new ReportRows(report, sheets, lang), host: browserHost(book) });
      },
      (e: unknown) => live && setError(describeError(e, t).text),
    );
    return () => {
      live = false;
    };
  }, [result, selected, files, lang, t]);

  const rows: readonly BookSummary[] = useMemo(() => {
    if (!result) return [];
    if (result.mode === 'separately') return result.summary;
    const r = result.outcome.report;
    // Together, each book's share of the tasks and findings; units are tallied across the books.
    return r.books.map(({ file }) => summarizeBook(file, { ...bookPart(r, file), units: [] }));
  }, [result]);

  const gate = useDownloadGate(t, (bytes) => downloadBytes(bytes, b.archive, 'application/zip'));

  // What a copy could not keep is said before the archive is saved (issue 10): it waits for a yes.
  const download = async () => {
    if (!result) return;
    setDownloading(true);
    gate.clear();
    try {
      const archive = await booksArchive(files, result);
      setNotices(archive.notices);
      gate.offer(archive.bytes, archive.notKept);
    } catch (e) {
      setError(describeError(e, t).text);
    } finally {
      setDownloading(false);
    }
  };

  const read = result ? booksRead(result) : [];
  const busy = progress !== null;

  return (
    <div className={s.root}>
      <section className={s.card} aria-label={t.runTitle}>
        <Text weight="semibold" data-testid="books-chosen">
          {b.chosen(files.length)}
        </Text>
        <ul className={s.list}>
          {files.map((f) => (
            <li key={f.name}>{f.name}</li>
          ))}
        </ul>
        <Field label={b.way}>
          <RadioGroup value={mode} onChange={(_, d) => setMode(d.value === 'together' ? 'together' : 'separately')} disabled={busy}>
            <Radio value="separately" label={b.separately} />
            <Radio value="together" label={b.together} />
          </RadioGroup>
        </Field>
        <div className={s.row}>
          <Field className={s.field} label={t.asOf} hint={t.asOfHint} validationMessage={asOfValid ? undefined : t.asOfInvalid}>
            <Input type="date" min="1900-01-01" max="9999-12-31" value={asOf} onChange={(_, d) => setAsOf(d.value)} disabled={busy} />
          </Field>
          <Button appearance="primary" icon={<DocumentCheckmarkRegular />} onClick={() => void check()} disabled={busy || !asOfValid} data-testid="books-check">
            {t.check}
          </Button>
        </div>
        <div role="status" aria-live="polite" data-testid="books-progress">
          {progress && <Spinner size="tiny" label={b.checking(progress.done, progress.of)} />}
        </div>
      </section>

      {error && (
        <MessageBar intent="error" role="alert" data-testid="books-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.unread.length > 0 && (
        <MessageBar intent="warning" data-testid="books-unread">
          <MessageBarBody>
            <MessageBarTitle>{b.unreadTitle}</MessageBarTitle>
            <ul className={s.list}>
              {result.unread.map((u) => (
                <li key={u.file}>{u.text}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <section className={s.card} aria-labelledby="books-summary-heading" data-testid="books-summary">
          <h2 className={s.heading} id="books-summary-heading" ref={heading} tabIndex={-1}>
            {b.comparison}
          </h2>
          {read.length === 0 ? (
            <Text>{b.noneRead}</Text>
          ) : (
            <>
              {result.mode === 'together' && (
                <Text data-testid="books-together">
                  {b.togetherSummary(read.length, result.outcome.report.tasks.length, result.outcome.report.findings.length, result.outcome.report.units.length)}
                </Text>
              )}
              <ComparisonTable rows={rows} lang={lang} withUnits={result.mode === 'separately'} />
              <div className={s.row}>
                <Button
                  appearance="primary"
                  icon={downloading ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
                  onClick={() => void download()}
                  disabledFocusable={downloading}
                  aria-describedby="books-download-contents"
                  data-testid="books-download"
                >
                  {downloading ? t.preparingDownload : b.download}
                </Button>
                <Text size={200} id="books-download-contents">
                  {b.archiveContains(b.archive, read.length)}
                </Text>
              </div>
            </>
          )}
        </section>
      )}
      {gate.view}
      <NoticeList notices={notices} testId="books-notices" />

      {result && read.length > 0 && (
        <section className={s.card} aria-label={b.showBook}>
          <Field className={s.field} label={b.showBook}>
            <Select value={selected ?? ''} onChange={(_, d) => setSelected(d.value)} data-testid="books-select">
              {read.map((file) => (
                <option key={file} value={file}>
                  {file}
                </option>
              ))}
            </Select>
          </Field>
          {shown === null || shown.file !== selected ? (
            <Spinner size="tiny" label={t.loading} />
          ) : (
            <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as SectionId[])}>
              <Section id="findings" title={b.bookFindings(shown.file)} count={formatCount(shown.report.findings.length, lang)}>
                <FindingsPanel
                  key={shown.file}
                  t={t}
                  lang={lang}
                  report={shown.report}
                  rows={shown.rows}
                  hostKind="browser"
                  myUnit={null}
                  busy={false}
                  goToCell={(sheet, cell, headerRow) => shown.host.goToCell(sheet, cell, headerRow)}
                  onError={(e) => setError(describeError(e, t).text)}
                />
              </Section>
              <Section id="units" title={result.mode === 'together' ? b.unitsTogether : b.bookUnits(shown.file)} count={formatCount(shown.report.units.length, lang)}>
                <UnitsPanel key={shown.file} t={t} lang={lang} report={shown.report} findingsLang={result.lang} myUnit={null} />
              </Section>
            </Accordion>
          )}
        </section>
      )}
    </div>
  );
}

function ComparisonTable({ rows, lang, withUnits }: { rows: readonly BookSummary[]; lang: Lang; withUnits: boolean }) {
  const s = useStyles();
  const c = booksText(lang);
  const n = (x: number) => formatCount(x, lang);
  const headers = [c.tasks, c.due, c.doneOnTime, c.doneLate, c.openOverdue, c.lateShare, c.errors, c.warnings, ...(withUnits ? [c.units] : [])];
  const cells = (r: BookSummary) => [n(r.tasks), n(r.due), n(r.doneOnTime), n(r.doneLate), n(r.openOverdue), c.percent(r.lateShare), n(r.errors), n(r.warnings), ...(withUnits ? [n(r.units)] : [])];
  return (
    <div className={s.scroll}>
      <Table size="small" aria-label={booksPaneText(lang).comparison} data-testid="books-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{c.book}</TableHeaderCell>
            {headers.map((h) => (
              <TableHeaderCell key={h} className={s.num}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.file} data-book={r.file}>
              <TableCell>{r.file}</TableCell>
              {cells(r).map((x, i) => (
                <TableCell key={i} className={s.num}>
                  {x}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
