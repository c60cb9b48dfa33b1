import { checkFlagAndScore } from '../../src/usecases/check-workbook';
import { withProgress, type Stage } from '../../src/taskpane/progress-port';
import { FakePort, inspectionSheet, taskSheet } from './fake-port';

describe('progress port', () => {
  test('reports each step of a check in order and passes every call through', async () => {
    const port = new FakePort([taskSheet(), inspectionSheet()]);
    const stages: Stage[] = [];
    const outcome = await checkFlagAndScore(withProgress(port, (s) => stages.push(s)), { asOf: '2026-07-01' });
    expect(stages).toEqual(['reading', 'computing', 'flags', 'sheets']);
    expect(outcome.report.findings.length).toBe(8);
    expect(port.owned.length).toBe(2);
    expect(port.flags).not.toBeNull();
  });

  test('a check reads the sheets and the settings in one port call, then writes', async () => {
    const port = new FakePort([taskSheet()]);
    await checkFlagAndScore(withProgress(port, () => undefined), { asOf: '2026-07-01' });
    expect(port.calls).toEqual(['readBook', 'writeFlags', 'writeOwnedSheets']);
  });

  test('clearing and saving have their own steps', async () => {
    const port = new FakePort([]);
    const stages: Stage[] = [];
    const p = withProgress(port, (s) => stages.push(s));
    await p.clearFlags();
    await p.writeSettings('{"version":1}');
    expect(await p.readSettings()).toBe('{"version":1}');
    expect(stages).toEqual(['clearing', 'saving']);
  });
});
