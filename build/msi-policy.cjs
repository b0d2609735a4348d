// electron-builder `msiProjectCreated` hook: lets an MSI install place the machine-wide policy, as
// NSIS's /POLICY= does:  msiexec /i exam-preflight-1.0.0-win-x64.msi POLICYDIR="\\fileserver\exams\" /qn
// copies POLICYDIR\policy.json to %ProgramData%\ExamPreflight\policy.json (Windows Installer's
// MoveFile table, through WiX's <CopyFile SourceProperty>), only when POLICYDIR is given.
// The hook edits the WiX source electron-builder generated, before candle/light compile it.
'use strict';
const fs = require('node:fs');

const COMPONENT_GUID = '3b8f7c1e-5d2a-4e9b-a7c4-1f6e2d9b8a05';
const BLOCK = `
    <DirectoryRef Id="TARGETDIR">
      <Directory Id="CommonAppDataFolder">
        <Directory Id="EXAMPREFLIGHTDATA" Name="ExamPreflight"/>
      </Directory>
    </DirectoryRef>
    <DirectoryRef Id="EXAMPREFLIGHTDATA">
      <Component Id="ExamPreflightPolicy" Guid="${COMPONENT_GUID}" Permanent="yes">
        <Condition>POLICYDIR</Condition>
        <CreateFolder/>
        <CopyFile Id="ExamPreflightPolicyFile" SourceProperty="POLICYDIR" SourceName="policy.json" DestinationDirectory="EXAMPREFLIGHTDATA" DestinationName="policy.json"/>
      </Component>
    </DirectoryRef>
`;

/** The WiX source with the policy component added (unchanged if already there). */
function addPolicyComponent(wxs) {
  if (wxs.includes('Id="ExamPreflightPolicy"')) return wxs;
  const at = wxs.lastIndexOf('</Product>');
  const feature = '<ComponentGroupRef Id="ProductComponents"/>';
  if (at < 0 || !wxs.includes(feature)) throw new Error('msi-policy: the WiX project has no </Product> or no ProductComponents feature');
  const withBlock = `${wxs.slice(0, at)}${BLOCK}  ${wxs.slice(at)}`;
  return withBlock.replace(feature, `${feature}\n      <ComponentRef Id="ExamPreflightPolicy"/>`);
}

module.exports = async function msiProjectCreated(projectFile) {
  fs.writeFileSync(projectFile, addPolicyComponent(fs.readFileSync(projectFile, 'utf8')));
};
module.exports.default = module.exports;
module.exports.addPolicyComponent = addPolicyComponent;
