// Small shared bits for the exam screens: data-file text (renderer/components/Local) and time formatting.
export { Local, localText, useLang } from '../../components/Local';

/** h:mm:ss or m:ss, never negative */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export const minutes = (ms: number) => Math.round((ms / 60000) * 10) / 10;
