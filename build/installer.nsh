; electron-builder's NSIS hooks (nsis.include). The installer runs as administrator, so this is where the
; "MotCua Counter Updater" task (SYSTEM, runnable by staff, changeable only by administrators) and the
; ProgramData folders and their ACLs are set up. All of the logic is in resources\updater\motcua-updater.ps1.
; Saved as UTF-8 with a byte-order mark, which is how makensis knows the Vietnamese text is UTF-8.

!macro motcuaUpdaterScript ACTION
  ; $0 and $1 are saved: electron-builder's own script keeps using them after these hooks.
  Push $0
  Push $1
  ; The installer is a 32-bit program: Sysnative reaches the 64-bit PowerShell, which has the LocalAccounts module.
  StrCpy $1 "$WINDIR\Sysnative\WindowsPowerShell\v1.0\powershell.exe"
  ${ifNot} ${FileExists} "$1"
    StrCpy $1 "$SYSDIR\WindowsPowerShell\v1.0\powershell.exe"
  ${endIf}
  nsExec::ExecToLog '"$1" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\updater\motcua-updater.ps1" -Action ${ACTION}'
  Pop $0
  ${if} $0 != 0
    DetailPrint "Tác vụ cập nhật MotCua Counter Updater: bước ${ACTION} lỗi (mã $0); máy này sẽ không tự cập nhật, hãy báo bộ phận CNTT."
  ${endIf}
  Pop $1
  Pop $0
!macroend

!macro customInstall
  ; Also on an update run by the task itself: re-registering keeps the task in step with the new script.
  !insertmacro motcuaUpdaterScript Register
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller with --updated: the task is the one running it, so it must stay.
  ${ifNot} ${isUpdated}
    !insertmacro motcuaUpdaterScript Unregister
  ${endIf}
!macroend
