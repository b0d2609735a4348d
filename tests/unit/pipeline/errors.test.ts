// Expected failures reach the window as messages in the learner's language; nothing English leaks
// into a Spanish or Portuguese screen except the technical detail of a real bug.
import { describe, expect, it } from 'vitest';
import { msg } from '../../../shared/check';
import { MessageError, asMessageError, errorMessage, messageOf } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';

/** What Electron hands the window for a rejected ipcRenderer.invoke: only the text survives. */
const overIpc = (err: Error) => new Error(`Error invoking remote method 'preflight:run-scan': ${err.name}: ${err.message}`);

describe('errors as messages', () => {
  it('a MessageError keeps its message across the process boundary', () => {
    const e = new MessageError(msg('errors:unknownProfile', { id: 'x' }), 'unknown profile "x"');
    expect(e.message).toMatch(/^unknown profile "x"/);
    expect(messageOf(overIpc(e))).toEqual({ key: 'errors:unknownProfile', params: { id: 'x' } });
    expect(errorMessage(createI18n('es'), overIpc(e))).toBe('Esta aplicación no conoce el examen «x».');
  });

  it('disk full and permission denied become messages, by code or in the text', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/data/settings.json'"), { code: 'EACCES' });
    expect(messageOf(enospc)).toEqual({ key: 'errors:diskFull' });
    expect(messageOf(eacces)).toEqual({ key: 'errors:permission' });
    expect(messageOf(overIpc(new Error("EPERM: operation not permitted, rename 'a' -> 'b'")))).toEqual({ key: 'errors:permission' });
    expect(errorMessage(createI18n('pt'), enospc)).toBe('O disco está cheio e não foi possível salvar. Libere espaço e tente de novo.');
    const wrapped = asMessageError(enospc);
    expect(wrapped).toBeInstanceOf(MessageError);
    expect(messageOf(overIpc(wrapped as Error))).toEqual({ key: 'errors:diskFull' });
  });

  it('anything else is "something went wrong" with the detail, without Electron\'s prefix', () => {
    const bug = new TypeError('x is undefined');
    expect(asMessageError(bug)).toBe(bug);
    expect(messageOf(overIpc(bug))).toEqual({ key: 'errors:unexpected', params: { detail: 'x is undefined' } });
    expect(messageOf('plain')).toEqual({ key: 'errors:unexpected', params: { detail: 'plain' } });
    expect(errorMessage(createI18n('es'), bug)).toBe('Algo salió mal: x is undefined');
  });

  it('a message key is only ever taken from the errors namespace (a file cannot pick one)', () => {
    const forged = new Error('bad JSON near [[msg:{"key":"common:app.name"}]]');
    expect(messageOf(forged).key).toBe('errors:unexpected');
    expect(messageOf(new Error('x [[msg:{not json}]]')).key).toBe('errors:unexpected');
  });
});

describe("zod messages in the reader's language", () => {
  it('Spanish and Portuguese wordings for schema problems, English again after', async () => {
    const { z } = await import('zod');
    const { setZodLanguage } = await import('../../../shared/i18n/zod-locale');
    const schema = z.object({ minutes: z.number() });
    try {
      setZodLanguage('es');
      expect(schema.safeParse({ minutes: 'x' }).error!.issues[0]!.message).toMatch(/se esperaba número/);
      setZodLanguage('pt');
      expect(schema.safeParse({ minutes: 'x' }).error!.issues[0]!.message).toMatch(/esperava um número/);
    } finally {
      setZodLanguage('en');
    }
    expect(schema.safeParse({ minutes: 'x' }).error!.issues[0]!.message).toMatch(/expected number/);
  });
});
