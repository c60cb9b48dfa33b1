/**
 * A port decorator that reports which step of a run is under way, so that the pane can show
 * progress on large books. It only watches the calls the use cases make; it computes nothing.
 */
import type { FlagPlan } from '../core/flag-plan';
import type { OwnedSheet } from '../core/owned-sheets';
import type { BookContents, WorkbookPort } from '../port/workbook-port';

export type Stage = 'reading' | 'computing' | 'flags' | 'sheets' | 'clearing' | 'saving';

/** The steps of a full check, in order, for "step n of N". */
export const CHECK_STAGES: readonly Stage[] = ['reading', 'computing', 'flags', 'sheets'];

/**
 * Let the browser paint the new progress before long synchronous work starts. Animation frames
 * stop in hidden tabs, so a short timer wins the race there.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 50);
  });
}

export function withProgress(port: WorkbookPort, onStage: (stage: Stage) => void): WorkbookPort {
  const step = async <T>(stage: Stage, work: () => Promise<T>): Promise<T> => {
    onStage(stage);
    await nextPaint();
    return work();
  };
  return {
    async readBook(): Promise<BookContents> {
      const book = await step('reading', () => port.readBook());
      onStage('computing');
      await nextPaint();
      return book;
    },
    readSettings: () => port.readSettings(),
    writeSettings: (json: string) => step('saving', () => port.writeSettings(json)),
    writeFlags: (plan: FlagPlan) => step('flags', () => port.writeFlags(plan)),
    clearFlags: () => step('clearing', () => port.clearFlags()),
    writeOwnedSheets: (sheets: readonly OwnedSheet[]) => step('sheets', () => port.writeOwnedSheets(sheets)),
    takeNotices: () => port.takeNotices(),
  };
}
