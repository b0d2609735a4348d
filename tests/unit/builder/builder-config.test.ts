// electron-builder.yml cannot be built here (no Electron download), so it is checked two ways:
// against electron-builder's own JSON schema (the one it validates with before building) and with
// explicit assertions on what IT admins and security depend on.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import Ajv from 'ajv';

type Target = { target: string; arch?: string[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Config = Record<string, any>;

const CONFIG_FILE = 'electron-builder.yml';
const SCHEMA_FILE = 'node_modules/app-builder-lib/scheme.json';
const configText = readFileSync(CONFIG_FILE, 'utf8');
const config = yaml.load(configText) as Config;
const targets = (os: string): string[] => (config[os].target as Target[]).map((t) => t.target);

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('the schema file exists where electron-builder ships it', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
  });

  it('validates with no errors', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema really rejects mistakes (an unknown key and a wrong type)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    expect(validate({ ...config, nsiss: {} })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });
});

describe('electron-builder.yml content', () => {
  it('names the product and writes to release/ with build resources in build/', () => {
    expect(config.productName).toBe('Exam Preflight');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(config.asar).toBe(true);
  });

  it('ships dist/ and package.json, not sources or tests', () => {
    const files = config.files as string[];
    expect(files).toContain('dist/**/*');
    expect(files).toContain('package.json');
    expect(files.some((f) => /^(shared|electron|renderer|tests)\//.test(f))).toBe(false);
  });

  it('ships the published JSON Schemas, built-in profiles and practice banks as resources, and they exist', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra.map((e) => e.to).sort()).toEqual(['policy-templates', 'profiles', 'question-banks', 'schemas']);
    for (const e of extra.filter((x) => x.to !== 'policy-templates')) expect(readdirSync(e.from).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
    expect(readdirSync('build/policy/windows')).toContain('ExamPreflight.admx');
    expect(readdirSync('schemas')).toContain('policy.schema.json');
  });

  it('registers .epreport reports for the viewer, and the installers can place the policy (NSIS /POLICY=, MSI POLICYDIR)', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'epreport', role: 'Viewer', mimeType: 'application/vnd.exampreflight.report+json' }),
    ]);
    expect(config.nsis.include).toBe('build/installer.nsh');
    const nsh = readFileSync('build/installer.nsh', 'utf8');
    expect(nsh).toMatch(/GetOptions\} \$R0 "\/POLICY=" \$R1/);
    expect(nsh).toContain('$APPDATA\\ExamPreflight\\policy.json');
    expect(nsh).toMatch(/icacls .*\/inheritance:r/); // users cannot replace the admin's file
    expect(existsSync(config.msiProjectCreated)).toBe(true);
  });

  it('MSI hook: adds a component copying POLICYDIR\\policy.json to ProgramData, only when POLICYDIR is set', async () => {
    // the shape of electron-builder's templates/msi/template.xml around the feature
    const wxs =
      '<Wix><Product><Directory Id="TARGETDIR" Name="SourceDir"/><Feature Id="ProductFeature" Absent="disallow">\n      <ComponentGroupRef Id="ProductComponents"/>\n    </Feature></Product></Wix>';
    const { addPolicyComponent } = await import('../../../build/msi-policy.cjs');
    const out = addPolicyComponent(wxs) as string;
    expect(out).toContain('<Condition>POLICYDIR</Condition>');
    expect(out).toMatch(/<CopyFile [^>]*SourceProperty="POLICYDIR" SourceName="policy.json" DestinationDirectory="EXAMPREFLIGHTDATA"/);
    expect(out).toMatch(/<Directory Id="CommonAppDataFolder">\s*<Directory Id="EXAMPREFLIGHTDATA" Name="ExamPreflight"\/>/);
    expect(out).toMatch(/<ComponentGroupRef Id="ProductComponents"\/>\s*<ComponentRef Id="ExamPreflightPolicy"\/>/);
    expect(addPolicyComponent(out)).toBe(out);
    expect(() => addPolicyComponent('<Wix/>')).toThrow(/no <\/Product>/);
  });

  it('signs: Windows SHA-256 with a timestamp and the certificate from the environment; macOS notarized', () => {
    expect(config.win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^http/) });
    expect(JSON.stringify(config.win)).not.toMatch(/certificatePassword|certificateFile/); // secrets never in the file
    expect(config.mac).toMatchObject({ notarize: true, hardenedRuntime: true });
  });

  it('states every Electron fuse the schema knows, each with a comment saying why', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties).sort();
    expect(Object.keys(config.electronFuses).sort()).toEqual(known);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    const lines = configText.split('\n');
    for (const fuse of known) {
      const i = lines.findIndex((l) => l.trim().startsWith(`${fuse}:`));
      expect(i, `${fuse} stated`).toBeGreaterThan(0);
      expect((lines[i - 1] ?? '').trim(), `comment above ${fuse}`).toMatch(/^# \S/);
    }
  });

  it('Windows: per-machine NSIS (assisted, elevation allowed) and per-machine MSI', () => {
    expect(targets('win')).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, allowElevation: true, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('macOS: dmg and pkg, hardened runtime, camera and microphone entitlements and usage texts', () => {
    expect(targets('mac')).toEqual(['dmg', 'pkg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    const plist = readFileSync(config.mac.entitlements, 'utf8');
    for (const key of ['com.apple.security.device.camera', 'com.apple.security.device.audio-input']) {
      expect(plist).toMatch(new RegExp(`<key>${key.replace(/\./g, '\\.')}</key>\\s*<true/>`));
    }
    // no entitlement that weakens the hardened runtime beyond what V8 needs
    expect(plist).not.toMatch(/disable-library-validation|allow-dyld-environment-variables|allow-unsigned-executable-memory/);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/i);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/i);
    expect(config.pkg.installLocation).toBe('/Applications');
  });

  it('Linux: AppImage and deb in the Education category', () => {
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Education');
  });
});

describe('the packaged entry point', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'pipe', timeout: 60_000 });
  }, 90_000);

  it('package.json "main" exists after the Node build and is inside the shipped files', () => {
    const main = JSON.parse(readFileSync('package.json', 'utf8')).main as string;
    expect(main).toBe('dist/electron/main.cjs');
    expect(existsSync(main)).toBe(true);
    expect(existsSync(path.join(path.dirname(main), 'preload.cjs'))).toBe(true);
    expect(main.startsWith('dist/')).toBe(true);
  });
});
