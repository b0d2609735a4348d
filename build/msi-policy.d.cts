// Types for build/msi-policy.cjs (plain CommonJS: electron-builder loads hooks with require).
declare function msiProjectCreated(projectFile: string): Promise<void>;
declare namespace msiProjectCreated {
  function addPolicyComponent(wxs: string): string;
}
export = msiProjectCreated;
