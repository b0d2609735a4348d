; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; An admin's silent install can place the machine-wide policy in the same step:
;   exam-preflight-1.0.0-win-x64.exe /S /POLICY=\\fileserver\exams\policy.json
; The file is copied to %ProgramData%\ExamPreflight\policy.json (the installer is per-machine, so
; $APPDATA is ProgramData here), and the folder is locked down so only administrators and SYSTEM
; can change it: by default users may create files in ProgramData subfolders, which would let a
; learner replace or pre-empt the admin's lock. A /POLICY= that names no file fails the install
; (exit code 2) instead of installing without the policy the admin asked for.

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/POLICY=" $R1
  ${IfNot} ${Errors}
    ${If} ${FileExists} "$R1"
      CreateDirectory "$APPDATA\ExamPreflight"
      ; S-1-5-32-544 Administrators, S-1-5-18 SYSTEM: full control; S-1-5-32-545 Users: read only
      nsExec::Exec 'icacls "$APPDATA\ExamPreflight" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
      Pop $R2
      CopyFiles /SILENT "$R1" "$APPDATA\ExamPreflight\policy.json"
      ${If} ${Errors}
        SetErrorLevel 2
        Abort "The policy file $R1 could not be copied to $APPDATA\ExamPreflight."
      ${EndIf}
    ${Else}
      SetErrorLevel 2
      Abort "The policy file $R1 given with /POLICY= does not exist."
    ${EndIf}
  ${EndIf}
!macroend
