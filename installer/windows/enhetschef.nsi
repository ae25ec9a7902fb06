; Enhetschef for Windows: a per-user installer that needs no administrator rights.
;
; Build (see installer/README.md):
;   makensis /DVERSION=0.1.0 /DPAYLOAD=..\..\dist\enhetschef /DOUTFILE=..\..\dist\Enhetschef-0.1.0-setup.exe enhetschef.nsi
; PAYLOAD is the folder PyInstaller made (enhetschef.exe and _internal\).
;
; The program goes to %LOCALAPPDATA%\Programs\Enhetschef. The user's data (the database, its
; backups) lives in %LOCALAPPDATA%\Enhetschef, a different folder: nothing here writes or deletes
; there, so an uninstall or an upgrade never touches a database.

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "Ange versionen: makensis /DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "Ange PyInstaller-mappen: makensis /DPAYLOAD=...\dist\enhetschef"
!endif
!ifndef OUTFILE
  !define OUTFILE "Enhetschef-${VERSION}-setup.exe"
!endif

; Compiling against a stand-in payload only checks the script; compressing it would only cost time.
!ifdef UNCOMPRESSED
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP_NAME "Enhetschef"
!define APP_EXE "enhetschef.exe"
!define PUBLISHER "Enhetschef"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Enhetschef"
!define APP_KEY "Software\Enhetschef"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
; An upgrade installs where the earlier version is, even if the user chose another folder then.
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

; VIProductVersion needs four numbers; a version like 0.1.0 gets a fourth.
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1053 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1053 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1053 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1053 "FileDescription" "Installationsprogram för ${APP_NAME}"
VIAddVersionKey /LANG=1053 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1053 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Starta ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Swedish"

; Files of the running program cannot be replaced on Windows: ask the user to close it first.
!macro REQUIRE_PROGRAM_CLOSED
  ${DoWhile} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    Rename "$INSTDIR\${APP_EXE}" "$INSTDIR\${APP_EXE}.upgrade-check"
    ${IfNot} ${Errors}
      Rename "$INSTDIR\${APP_EXE}.upgrade-check" "$INSTDIR\${APP_EXE}"
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
      "${APP_NAME} är igång. Stäng programmet och välj Försök igen." /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

Section "${APP_NAME}" SecProgram
  SectionIn RO
  SetShellVarContext current
  !insertmacro REQUIRE_PROGRAM_CLOSED

  ; An upgrade in place: the previous version's program files go first, so no file that the new
  ; version no longer has stays behind. Only the program's own items are named here.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\Avinstallera.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Avinstallera.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Avinstallera.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Genväg på skrivbordet" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; The uninstaller removes the program and its shortcuts and nothing else: the data folder
; %LOCALAPPDATA%\Enhetschef (database, backups) and the logs stay for a later install.
Section "Uninstall"
  SetShellVarContext current
  !insertmacro REQUIRE_PROGRAM_CLOSED

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\Avinstallera.exe"
  ; Not /r: a folder the user chose may hold other files, and those are not ours to delete.
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
SectionEnd
