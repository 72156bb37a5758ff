import { afterEach, describe, expect, it } from 'vitest';
import { formatFinding, registerXliff } from '../../../src/cli/xliff.js';
import { setLocale } from '../../../src/i18n/index.js';
import { fixture } from '../../fixtures/xliff/helpers.js';
import { runCommand } from '../../helpers/run-command.js';

const run = (...args: string[]) => runCommand(registerXliff, args);

afterEach(() => setLocale('en'));

describe('tarjoman xliff check', () => {
  it('prints nothing but the summary for clean files, and exits 0', async () => {
    const good = [fixture('check', 'code-added.good.xlf'), fixture('tools', 'omegat-kit-returned.xlf')];
    expect(await run('xliff', 'check', ...good)).toEqual({ code: 0, stdout: '2 files checked: 0 errors, 0 warnings\n', stderr: '' });
  });

  it('prints one located finding per line and exits 1 when a file has an error', async () => {
    const bad = fixture('check', 'code-missing.bad.xlf');
    const warn = fixture('check', 'space-default.bad.xlf');
    const result = await run('xliff', 'check', bad, warn, fixture('check', 'gls-ref.good.xlf'));
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${bad}:7:9: error [code-missing] the target has lost the paired code "1" of the source (unit u1, segment s1)`,
      `${bad}:7:9: error [code-missing] the target has lost the standalone code "2" of the source (unit u1, segment s1)`,
      `${warn}:4:5: warning [space-default] the unit is not xml:space="preserve", so a tool may have re-wrapped its line breaks and runs of spaces (unit u1)`,
      '3 files checked: 2 errors, 1 warning',
      '',
    ]);
    expect(result.stderr).toBe('error: 1 file has errors\n');
  });

  it('exits 0 when there are only warnings', async () => {
    const result = await run('xliff', 'check', fixture('check', 'state-without-target.bad.xlf'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 file checked: 0 errors, 1 warning');
  });

  it('reports a file the reader refuses like any other finding', async () => {
    const doctype = fixture('errors', 'doctype.xlf');
    const result = await run('xliff', 'check', doctype);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(`${doctype}:2:1: error [doctype] the file has a DOCTYPE; XLIFF files never need one, and it is refused so that no entity can be declared or fetched`);
  });

  it('names a file it cannot open', async () => {
    const result = await run('xliff', 'check', fixture('check', 'no-such-file.xlf'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read the file: ENOENT');
  });

  it('needs at least one file', async () => {
    expect((await run('xliff', 'check')).code).toBe(2);
  });

  it('speaks Persian', async () => {
    setLocale('fa');
    const bad = fixture('check', 'code-added.bad.xlf');
    const result = await run('xliff', 'check', bad);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([`${bad}:7:31: خطا [code-added] ترجمه کد مستقل «7» دارد که در متن مبدأ نیست (واحد u1، بخش s1)`, '۱ پرونده بررسی شد: ۱ خطا، ۰ هشدار', '']);
    expect(result.stderr).toBe('خطا: ۱ پرونده خطا دارد\n');
  });

  it('formats a finding without unit or segment', () => {
    expect(formatFinding({ rule: 'xml', severity: 'error', message: 'not well-formed XML: x', file: 'a.xlf', line: 3, column: 4 })).toBe('a.xlf:3:4: error [xml] not well-formed XML: x');
  });
});
