// Values that repeat each other are said once (issue 24, "Empty values"): "AMD AMD EPYC" and
// "Debian GNU/Linux 12 (bookworm) 12" came from joining a maker with a model that already names it,
// and an os-release PRETTY_NAME with the VERSION_ID it already contains.
import { describe, expect, it } from 'vitest';
import { makerAndModel, versionBesideName } from '../../../shared/rules/fact-labels';

describe('makerAndModel', () => {
  it('keeps the model alone when it starts with the maker (marks like (R) ignored)', () => {
    // /proc/cpuinfo "model name" lines and the vendor_id names parseCpuinfo gives them
    expect(makerAndModel('AMD', 'AMD EPYC 7B13 64-Core Processor')).toBe('AMD EPYC 7B13 64-Core Processor');
    expect(makerAndModel('Intel', 'Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz')).toBe('Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz');
    expect(makerAndModel('LENOVO', 'LENOVO')).toBe('LENOVO');
  });
  it('joins them when the model does not name the maker (systeminformation strips it)', () => {
    expect(makerAndModel('Intel', 'Core™ i5-1235U')).toBe('Intel Core™ i5-1235U');
    expect(makerAndModel('AMD', 'Ryzen 7 7840U')).toBe('AMD Ryzen 7 7840U');
    // "Intelligent" starts with "Intel" but is another word
    expect(makerAndModel('Intel', 'Intelligent Widget')).toBe('Intel Intelligent Widget');
    expect(makerAndModel(null, 'Surface Laptop 5')).toBe('Surface Laptop 5');
    expect(makerAndModel('Dell Inc.', null)).toBe('Dell Inc.');
    expect(makerAndModel(null, null)).toBe('');
  });
});

describe('versionBesideName', () => {
  it('is empty when the name already says the version (os-release PRETTY_NAME and VERSION_ID)', () => {
    expect(versionBesideName('Debian GNU/Linux 12 (bookworm)', '12')).toBe('');
    expect(versionBesideName('Ubuntu 24.04.1 LTS', '24.04')).toBe('');
    expect(versionBesideName('Fedora Linux 41 (Workstation Edition)', '41')).toBe('');
  });
  it('is the version when the name does not say it', () => {
    expect(versionBesideName('Windows 11', '10.0.22631')).toBe('10.0.22631');
    expect(versionBesideName('macOS Sonoma', '14.5')).toBe('14.5');
    // "120" is not "12"
    expect(versionBesideName('Some OS 120', '12')).toBe('12');
    expect(versionBesideName(null, '6.8')).toBe('6.8');
  });
});
