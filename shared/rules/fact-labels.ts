// Labels built from two facts that often repeat each other: a processor's maker and model
// ("AMD" + "AMD EPYC 7B13 64-Core Processor" from /proc/cpuinfo) and an operating system's name and
// version ("Debian GNU/Linux 12 (bookworm)" + "12" from os-release). Said once, not twice.

const plain = (s: string) =>
  s
    .replace(/\((?:R|TM)\)|[®™]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Maker and model (of a processor, of a computer): the model alone when it already starts with the maker's name. */
export function makerAndModel(manufacturer: string | null | undefined, brand: string | null | undefined): string {
  const m = (manufacturer ?? '').trim();
  const b = (brand ?? '').trim();
  if (!m || !b) return m || b;
  const pb = plain(b);
  const pm = plain(m);
  return pb === pm || pb.startsWith(`${pm} `) ? b : `${m} ${b}`;
}

/** The version to print after the name: '' when the name already says it ("Ubuntu 24.04.1 LTS" and "24.04"). */
export function versionBesideName(name: string | null | undefined, version: string): string {
  const v = version.trim();
  if (!name || !v) return v;
  const said = name.split(/[\s()]+/).some((t) => t === v || t.startsWith(`${v}.`));
  return said ? '' : v;
}
