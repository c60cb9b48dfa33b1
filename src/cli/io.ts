/** Where the command line writes: its two streams, and what its progress needs to know about them. */
export interface Io {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Raw text to standard error, given only when it is a terminal: progress is then a bar redrawn in place. */
  readonly stderrTerminal?: (text: string) => void;
  /** The clock that tells a long run of several books; without one, only the number of books does. */
  readonly now?: () => number;
}

export const consoleIo: Io = {
  stdout: (l) => process.stdout.write(l + '\n'),
  stderr: (l) => process.stderr.write(l + '\n'),
  ...(process.stderr.isTTY ? { stderrTerminal: (text: string) => process.stderr.write(text) } : {}),
  now: () => performance.now(),
};
