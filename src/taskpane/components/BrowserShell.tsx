/**
 * Browser mode: open a local .xlsx (file picker or drag and drop), run the pane over it through the
 * xlsx package adapter, download the annotated copy of the latest check. Several files chosen or
 * dropped at once open the several-books view (BooksView, SPEC §7). Files are read in memory and
 * sent nowhere. Dropping files while some are open asks first; the as-of date carries over.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { BOOK_MIME, openXlsx, type XlsxWorkbook } from '../../adapters/xlsx';
import type { Lang } from '../../i18n/messages';
import { paneText, type PaneText } from '../../i18n/pane';
import type { CheckOutcome } from '../../usecases/check-workbook';
import { noticeText } from '../../usecases/notices';
import { booksPaneText } from '../../i18n/books';
import type { BookFile } from '../books-run';
import { annotatedName, browserHost, downloadBytes } from '../browser-host';
import { BooksView } from './BooksView';
import { NoticeList, useDownloadGate } from './HeldDownload';
import { describeError } from '../errors';
import { fileProblem } from '../file-problem';
import type { PaneHost } from '../host';
import { Pane } from '../Pane';
import { COLUMN } from '../styles';

const useStyles = makeStyles({
  root: COLUMN,
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  file: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', minWidth: 0 },
  contents: { flex: '1 1 14em', minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Several books chosen at once. */
interface Several {
  readonly id: number;
  readonly files: readonly BookFile[];
}

interface Opened {
  /** Counts opened files, so that each gets a fresh pane. */
  readonly id: number;
  readonly name: string;
  readonly book: XlsxWorkbook;
  readonly host: PaneHost;
}

/** What the last check wrote into the open book, for the download to say. */
interface Checked {
  readonly asOf: string;
  readonly findings: number;
  readonly units: number;
}

/** How a file's bytes are read; a prop so tests can stand in for the browser. */
export type ReadFile = (file: File) => Promise<ArrayBuffer>;

const readWithFileApi: ReadFile = (file) => file.arrayBuffer();

function problemText(bytes: Uint8Array, name: string, t: PaneText): string {
  switch (fileProblem(bytes, name)) {
    case 'empty':
      return t.fileEmpty(name);
    case 'legacy-xls':
      return t.fileLegacyXls(name);
    case 'encrypted':
      return t.fileEncrypted(name);
    case 'csv':
      return t.fileCsv(name);
    case 'damaged':
      return t.fileDamaged(name);
    case 'not-xlsx':
      return t.notXlsx(name);
  }
}

export function BrowserShell({ lang, readFile = readWithFileApi }: { lang: Lang; readFile?: ReadFile }) {
  const s = useStyles();
  const t = paneText(lang);
  const input = useRef<HTMLInputElement>(null);
  const fileName = useRef<HTMLSpanElement>(null);
  const b = booksPaneText(lang);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [several, setSeveral] = useState<Several | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notices, setNotices] = useState<readonly string[]>([]);
  const [over, setOver] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [downloading, setDownloading] = useState(false);
  /** A file dropped while another is open, waiting for the user to say whether it replaces it. */
  const [pending, setPending] = useState<readonly File[] | null>(null);
  /** The as-of date of the open pane, carried into the next book's pane. */
  const asOf = useRef<string | undefined>(undefined);

  /** Several files: each read into memory, then the several-books view. */
  const openSeveral = async (files: readonly File[]) => {
    setError(null);
    setNotices([]);
    setLoading(files.map((f) => f.name).join(', '));
    try {
      const read: BookFile[] = [];
      for (const f of files) read.push({ name: f.name, bytes: new Uint8Array(await readFile(f)) });
      setSeveral((prev) => ({ id: (prev?.id ?? 0) + 1, files: read }));
      setOpened(null);
      setChecked(null);
    } catch (e) {
      setError(describeError(e, t).text);
    } finally {
      setLoading(null);
      if (input.current) input.current.value = '';
    }
  };

  const openFiles = (files: readonly File[]) => (files.length > 1 ? openSeveral(files) : open(files[0]));

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotices([]);
    setLoading(file.name);
    let bytes: Uint8Array | null = null;
    try {
      const read = new Uint8Array(await readFile(file));
      bytes = read;
      const book = await openXlsx(read);
      setOpened((prev) => ({ id: (prev?.id ?? 0) + 1, name: file.name, book, host: browserHost(book) }));
      setSeveral(null);
      setChecked(null);
    } catch {
      setError(bytes === null ? t.notXlsx(file.name) : problemText(bytes, file.name, t));
    } finally {
      setLoading(null);
      if (input.current) input.current.value = '';
    }
  };

  // The file name takes the focus once a file is open: a screen reader says which file is in use.
  useEffect(() => {
    if (opened || several) fileName.current?.focus();
  }, [opened, several]);

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length === 0) return;
    if (opened || several) setPending(files);
    else void openFiles(files);
  };

  const describeBook = useCallback((file: BookFile) => problemText(file.bytes, file.name, t), [t]);

  const onChecked = useCallback((o: CheckOutcome) => setChecked({ asOf: o.report.asOf, findings: o.report.findings.length, units: o.report.units.length }), []);
  const onAsOfChange = useCallback((iso: string) => {
    asOf.current = iso;
  }, []);

  const gate = useDownloadGate(t, (bytes) => {
    if (opened) downloadBytes(bytes, annotatedName(opened.name, opened.book.kind), BOOK_MIME[opened.book.kind]);
  });

  // What the copy could not keep is said before the file is saved (issue 10): the copy waits for a yes.
  const download = async () => {
    if (!opened) return;
    setDownloading(true);
    gate.clear();
    try {
      const bytes = await opened.book.toBuffer();
      const told = opened.book.takeNotices();
      const notKept = told.filter((n) => n.kind === 'not-kept').map((n) => noticeText(n, lang));
      setNotices(told.filter((n) => n.kind !== 'not-kept').map((n) => noticeText(n, lang)));
      gate.offer(bytes, notKept);
    } catch (e) {
      setError(describeError(e, t).text);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div
      className={s.root}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {/* Out of the page and of the accessibility tree: the visible "Choose a file" button opens it. */}
      <input
        ref={input}
        hidden
        type="file"
        multiple
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => void openFiles(Array.from(e.target.files ?? []))}
      />
      {opened === null && several === null ? (
        <section className={mergeClasses(s.drop, over && s.dropActive)} aria-label={t.dropZone}>
          <Text as="h2" weight="semibold" size={400}>
            {t.openTitle}
          </Text>
          <Text size={200}>{t.openHint}</Text>
          <Text size={200}>{b.severalHint}</Text>
          <Button appearance="primary" icon={<FolderOpenRegular />} onClick={() => input.current?.click()} disabled={loading !== null}>
            {t.chooseFile}
          </Button>
          <Text size={200}>{t.dropHere}</Text>
          <div role="status" aria-live="polite">
            {loading !== null && <Spinner size="small" label={t.opening(loading)} />}
          </div>
        </section>
      ) : (
        <div className={s.file}>
          <Text className={s.fileName} data-testid="file-name" ref={fileName} tabIndex={-1}>
            {opened ? t.opened(opened.name) : b.chosen(several?.files.length ?? 0)}
          </Text>
          <Button size="small" icon={<FolderOpenRegular />} onClick={() => input.current?.click()} disabled={loading !== null}>
            {t.openAnother}
          </Button>
          <div role="status" aria-live="polite">
            {loading !== null && <Spinner size="tiny" label={t.opening(loading)} />}
          </div>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert" data-testid="open-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <NoticeList notices={notices} testId="download-notices" />
      {gate.view}
      {several && <BooksView key={several.id} lang={lang} files={several.files} describe={describeBook} initialAsOf={asOf.current} onAsOfChange={onAsOfChange} />}
      {opened && (
        <Pane
          key={opened.id}
          host={opened.host}
          lang={lang}
          onChecked={onChecked}
          initialAsOf={opened.id > 1 ? asOf.current : undefined}
          onAsOfChange={onAsOfChange}
          resultActions={
            checked && (
              <>
                <Button
                  appearance="primary"
                  icon={downloading ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
                  onClick={() => void download()}
                  disabledFocusable={downloading}
                  aria-describedby="download-contents"
                  data-testid="download"
                >
                  {downloading ? t.preparingDownload : t.download}
                </Button>
                <Text size={200} className={s.contents} id="download-contents" data-testid="download-contents">
                  {t.downloadContains(annotatedName(opened.name, opened.book.kind), checked.asOf, checked.findings, checked.units)}
                </Text>
              </>
            )
          }
        />
      )}
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.replaceTitle}</DialogTitle>
            <DialogContent>
              {pending && (opened || several) && t.replaceBody(pending.map((f) => f.name).join(', '), opened ? opened.name : b.chosen(several?.files.length ?? 0))}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="replace-confirm"
                onClick={() => {
                  const files = pending;
                  setPending(null);
                  if (files) void openFiles(files);
                }}
              >
                {t.replaceConfirm}
              </Button>
              <Button onClick={() => setPending(null)}>{t.replaceCancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
