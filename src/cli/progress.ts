/**
 * Progress of a long several-books run on standard error: one line per book, or, when standard
 * error is a terminal, one bar redrawn in place. A run is long when it has many books, or once it
 * has lasted a while (then lines start with the book in hand); a short run prints none, so that
 * its standard error holds only what the user must read.
 */
export const PROGRESS_FROM_BOOKS = 10;
export const PROGRESS_AFTER_MS = 2_000;
const BAR_WIDTH = 24;
const LINE_WIDTH = 79;

export interface ProgressOutput {
  /** One line (a newline is added). */
  readonly line: (text: string) => void;
  /** Raw text, for the bar redrawn with a carriage return; absent when standard error is not a terminal. */
  readonly raw?: (text: string) => void;
  /** The clock that tells a long run; without one, only the number of books does. */
  readonly now?: () => number;
}

export class Progress {
  private done = 0;
  private barShown = false;
  private readonly start: number | null;

  constructor(
    private readonly of: number,
    private readonly out: ProgressOutput,
  ) {
    this.start = out.now ? out.now() : null;
  }

  private long(): boolean {
    if (this.of >= PROGRESS_FROM_BOOKS) return true;
    return this.start !== null && this.out.now !== undefined && this.out.now() - this.start >= PROGRESS_AFTER_MS;
  }

  /** A message that must be read (an unreadable book): the bar gives way to it and comes back. */
  note(text: string): void {
    this.clearBar();
    this.out.line(text);
  }

  /** One more book done; `text` says what became of it. */
  step(text: (done: number, of: number) => string): void {
    this.done++;
    if (!this.long()) return;
    const line = text(this.done, this.of);
    if (!this.out.raw) {
      this.out.line(line);
      return;
    }
    const filled = Math.round((BAR_WIDTH * this.done) / this.of);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${line}`;
    this.out.raw(`\r${bar.length > LINE_WIDTH ? bar.slice(0, LINE_WIDTH - 1) + '…' : bar.padEnd(LINE_WIDTH)}`);
    this.barShown = true;
  }

  /** The run is over: the bar is erased, so that what follows starts on a clean line. */
  end(): void {
    this.clearBar();
  }

  private clearBar(): void {
    if (!this.barShown || !this.out.raw) return;
    this.out.raw(`\r${' '.repeat(LINE_WIDTH)}\r`);
    this.barShown = false;
  }
}
