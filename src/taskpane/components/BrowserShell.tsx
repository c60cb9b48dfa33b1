/**
 * Browser mode: open a local .xlsx or .xlsm (file picker or drag and drop), run the pane over it
 * through the xlsx package adapter, download the annotated copy. The file is read in memory and
 * sent nowhere.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import { BOOK_MIME, openXlsx, type XlsxWorkbook } from '../../adapters/xlsx';
import type { Lang } from '../../i18n/messages';
import { paneText } from '../../i18n/pane';
import { annotatedName, browserHost, downloadBytes } from '../browser-host';
import { describeError } from '../errors';
import type { PaneHost } from '../host';
import { Pane } from '../Pane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
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
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Opened {
  /** Counts opened files, so that each gets a fresh pane. */
  readonly id: number;
  readonly name: string;
  readonly book: XlsxWorkbook;
  readonly host: PaneHost;
}

/** How a file's bytes are read; a prop so tests can stand in for the browser. */
export type ReadFile = (file: File) => Promise<ArrayBuffer>;

const readWithFileApi: ReadFile = (file) => file.arrayBuffer();

export function BrowserShell({ lang, readFile = readWithFileApi }: { lang: Lang; readFile?: ReadFile }) {
  const s = useStyles();
  const t = paneText(lang);
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [checked, setChecked] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setLoading(file.name);
    try {
      const book = await openXlsx(await readFile(file));
      setOpened((prev) => ({ id: (prev?.id ?? 0) + 1, name: file.name, book, host: browserHost(book) }));
      setChecked(false);
    } catch {
      setError(t.notXlsx(file.name));
    } finally {
      setLoading(null);
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files[0]);
  };

  const download = async () => {
    if (!opened) return;
    setDownloading(true);
    try {
      downloadBytes(await opened.book.toBuffer(), annotatedName(opened.name, opened.book.kind), BOOK_MIME[opened.book.kind]);
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
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        aria-label={t.chooseFile}
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => void open(e.target.files?.[0])}
      />
      {opened === null || loading !== null ? (
        <section className={mergeClasses(s.drop, over && s.dropActive)} aria-label={t.dropZone}>
          <Text as="h2" weight="semibold" size={400}>
            {t.openTitle}
          </Text>
          <Text size={200}>{t.openHint}</Text>
          <Button appearance="primary" icon={<FolderOpenRegular />} onClick={() => input.current?.click()} disabled={loading !== null}>
            {t.chooseFile}
          </Button>
          <Text size={200}>{t.dropHere}</Text>
          {loading !== null && <Spinner size="small" label={t.opening(loading)} />}
        </section>
      ) : (
        <div className={s.file}>
          <Text className={s.fileName} data-testid="file-name">
            {t.opened(opened.name)}
          </Text>
          <Button size="small" icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
            {t.openAnother}
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {opened && loading === null && (
        <Pane
          key={opened.id}
          host={opened.host}
          lang={lang}
          onWritten={() => setChecked(true)}
          resultActions={
            <>
              <Button
                appearance="primary"
                icon={downloading ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
                onClick={() => void download()}
                disabled={!checked || downloading}
                data-testid="download"
              >
                {downloading ? t.preparingDownload : t.download}
              </Button>
              <Text size={200}>{t.downloadHint}</Text>
            </>
          }
        />
      )}
    </div>
  );
}
