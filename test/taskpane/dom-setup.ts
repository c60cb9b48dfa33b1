/**
 * What jsdom lacks and the page uses: ResizeObserver (Fluent UI's MessageBar reflow), TextEncoder and
 * TextDecoder (every browser has them). Import first.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: unknown };
if (typeof g.ResizeObserver !== 'function') g.ResizeObserver = NoopResizeObserver;

const t = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown };
if (typeof t.TextEncoder !== 'function') t.TextEncoder = NodeTextEncoder;
if (typeof t.TextDecoder !== 'function') t.TextDecoder = NodeTextDecoder;
