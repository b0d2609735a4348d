// Settings: the OS language by default, the learner's choice remembered across restarts, a policy
// lock that wins, bad arguments refused, and a corrupt file moved aside with a notice (never wiped).
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSettingsHandlers } from '../../../electron/handlers/settings';

const ctx = (dataDir: string) => ({ dataDir, appVersion: '9.9.9', emit: () => {}, now: () => 0 });
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'preflight-settings-'));

describe('settings handlers', () => {
  it('follows the OS language until the learner picks one, and remembers the pick after a restart', async () => {
    const dir = await tmp();
    const a = createSettingsHandlers(ctx(dir), { osLocale: 'pt-BR' });
    expect(await a.getSettings()).toMatchObject({ language: null, effectiveLanguage: 'pt', profileId: null, notice: null });
    await a.updateSettings({ language: 'es', profileId: 'mitx-pom-final' });
    const b = createSettingsHandlers(ctx(dir), { osLocale: 'pt-BR' });
    expect(await b.getSettings()).toMatchObject({ language: 'es', effectiveLanguage: 'es', profileId: 'mitx-pom-final' });
    await expect(createSettingsHandlers(ctx(dir), { osLocale: 'de-DE' }).getSettings()).resolves.toMatchObject({ effectiveLanguage: 'es' });
    expect((await createSettingsHandlers(ctx(await tmp()), { osLocale: 'de-DE' }).getSettings()).effectiveLanguage).toBe('en');
  });

  it('a policy-locked exam wins over the saved choice and cannot be changed', async () => {
    const h = createSettingsHandlers(ctx(await tmp()), { lockedProfileId: 'mitx-sds-capstone' });
    const s = await h.updateSettings({ profileId: 'mitx-pom-final' });
    expect(s).toMatchObject({ profileId: 'mitx-sds-capstone', lockedProfileId: 'mitx-sds-capstone' });
  });

  it('a policy default exam is preselected until the learner picks another', async () => {
    const dir = await tmp();
    const h = createSettingsHandlers(ctx(dir), { defaultProfileId: 'mitx-sds-ml' });
    expect((await h.getSettings()).profileId).toBe('mitx-sds-ml');
    expect((await h.updateSettings({ profileId: 'mitx-pom-final' })).profileId).toBe('mitx-pom-final');
    expect((await createSettingsHandlers(ctx(dir), { defaultProfileId: 'mitx-sds-ml' }).getSettings()).profileId).toBe('mitx-pom-final');
  });

  it('refuses unknown keys and wrong values from the window', async () => {
    const h = createSettingsHandlers(ctx(await tmp()));
    await expect(h.updateSettings({ language: 'fr' })).rejects.toThrow();
    await expect(h.updateSettings({ theme: 'dark' })).rejects.toThrow();
    await expect(h.updateSettings('es')).rejects.toThrow();
  });

  it('moves a corrupt settings file aside, says so, and keeps saying so after a save', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'settings.json'), '{"language": "es", ');
    const h = createSettingsHandlers(ctx(dir));
    await h.updateSettings({ language: 'pt' });
    const s = await h.getSettings();
    expect(s.language).toBe('pt');
    expect(s.notice).toMatchObject({ movedTo: expect.stringMatching(/settings\.corrupt-.*\.json$/), problem: expect.any(String) });
    const kept = (await readdir(dir)).filter((f) => f !== 'settings.json');
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(dir, kept[0]!), 'utf8')).toBe('{"language": "es", ');
  });
});
