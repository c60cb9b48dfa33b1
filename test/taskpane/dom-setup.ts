/** What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar reflow). Import first. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: unknown };
if (typeof g.ResizeObserver !== 'function') g.ResizeObserver = NoopResizeObserver;
