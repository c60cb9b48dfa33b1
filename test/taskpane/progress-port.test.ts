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

  test('the sheets are read before the settings, as the use case asks (the Office adapter shares one read)', async () => {
    const port = new FakePort([taskSheet()]);
    await checkFlagAndScore(withProgress(port, () => undefined), { asOf: '2026-07-01' });
    expect(port.calls.slice(0, 2)).toEqual(['readSheets', 'readSettings']);
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
