/**
 * What jsdom lacks and the page uses: ResizeObserver (Fluent UI's MessageBar reflow), TextEncoder and
 * TextDecoder (the xlsx package layer; every browser has them). Import first.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: unknown; TextEncoder?: unknown; TextDecoder?: unknown };
if (typeof g.ResizeObserver !== 'function') g.ResizeObserver = NoopResizeObserver;
if (typeof g.TextEncoder !== 'function') g.TextEncoder = NodeTextEncoder;
if (typeof g.TextDecoder !== 'function') g.TextDecoder = NodeTextDecoder;
