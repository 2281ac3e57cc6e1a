#Requires -Version 5.1
<#
  MotCua Counter Updater: installs a per-machine update as SYSTEM, so counter staff (standard users) never
  meet a UAC prompt. Shipped as resources\updater\motcua-updater.ps1 and run three ways:
    -Action Register    by the installer (build/installer.nsh), as administrator: folders, ACLs, the task;
    -Action Unregister  by the uninstaller: removes the task and its private folder;
    -Action Install     by the task "MotCua Counter Updater" (SYSTEM), on demand or at boot.

  The drop folder is writable by every user, so nothing in it is trusted. An installer runs only when:
    1. its sha512 equals the one in latest.yml that THIS script fetched from policy.json's updateServerUrl
       (https; plain http only with allowHttpUpdates AND updatePublisher set), for the same version;
    2. if policy.json names updatePublisher, its Authenticode signature is valid and signed by that name;
    3. its version is newer than the installed app (no downgrade, no reinstall);
  and it is checked and run from a copy in a folder only SYSTEM and Administrators can write, so it cannot be
  swapped after the check. SYSTEM never writes or deletes inside the drop folder (a user could plant links there).
  This file must stay UTF-8 with a byte-order mark: Windows PowerShell 5.1 reads it as ANSI otherwise.
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory = $true)][ValidateSet('Register', 'Unregister', 'Install')][string]$Action,
  [string]$InstallDir = (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'

$TaskName = 'MotCua Counter Updater'
$RelaunchTaskName = 'MotCua Counter Relaunch'
$AppExeName = 'motcua-counter.exe'
$Root = Join-Path $env:ProgramData 'MotCua Counter'
$DropDir = Join-Path $Root 'updates'
$StateDir = Join-Path $Root 'updater-state'
$StagingDir = Join-Path $Root 'updater-staging'
$PolicyFile = Join-Path $Root 'policy.json'
$ManifestName = 'update.json'
$InstallerNamePattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.exe$'
$VersionPattern = '^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$'
# Well-known SIDs, so the ACLs are right on a Vietnamese Windows too (group names are localised).
$SidSystem = 'S-1-5-18'
$SidAdministrators = 'S-1-5-32-544'
$SidUsers = 'S-1-5-32-545'
# Administrators and SYSTEM control the task; Authenticated Users may read and run it, never change it.
$TaskSddl = 'D:(A;;FA;;;SY)(A;;FA;;;BA)(A;;GRGX;;;AU)'

function Write-Log([string]$Message) {
  $line = '{0} {1}' -f (Get-Date -Format o), $Message
  Add-Content -LiteralPath (Join-Path $StateDir 'updater.log') -Value $line -Encoding UTF8
}

function Write-Result([string]$Version, [string]$Outcome, [string]$Reason) {
  $result = [ordered]@{ version = $Version; outcome = $Outcome; reason = $Reason; at = (Get-Date -Format o) }
  Set-Content -LiteralPath (Join-Path $StateDir 'result.json') -Value ($result | ConvertTo-Json) -Encoding UTF8
  Write-Log "$Outcome $Version $Reason"
}

function Test-PlainItem([string]$Path) {
  $item = Get-Item -LiteralPath $Path -Force
  return -not ($item.Attributes -band [System.IO.FileAttributes]::ReparsePoint)
}

function Test-TrustedOwner([string]$Path) {
  $owner = (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier]).Value
  if ($owner -in @($SidSystem, $SidAdministrators, 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464')) { return $true }
  try {
    return @(Get-LocalGroupMember -SID $SidAdministrators | Where-Object { $_.SID.Value -eq $owner }).Count -gt 0
  } catch {
    return $false
  }
}

function New-Acl([bool]$UsersRead, [bool]$UsersModify) {
  # A fresh, protected DACL: whatever ACEs were there before (an officer's own, say) are gone.
  $acl = New-Object System.Security.AccessControl.DirectorySecurity
  $acl.SetAccessRuleProtection($true, $false)
  $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
  $none = [System.Security.AccessControl.PropagationFlags]::None
  $allow = [System.Security.AccessControl.AccessControlType]::Allow
  $rules = @(@($SidSystem, 'FullControl'), @($SidAdministrators, 'FullControl'))
  if ($UsersModify) { $rules += , @($SidUsers, 'Modify') } elseif ($UsersRead) { $rules += , @($SidUsers, 'ReadAndExecute') }
  foreach ($r in $rules) {
    $sid = New-Object System.Security.Principal.SecurityIdentifier $r[0]
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule $sid, $r[1], $inherit, $none, $allow))
  }
  return $acl
}

function Set-FolderAcl([string]$Path, [bool]$UsersRead, [bool]$UsersModify) {
  # A junction planted before the install would carry these ACLs elsewhere; remove the link itself, never its target.
  if ((Test-Path -LiteralPath $Path) -and -not (Test-PlainItem $Path)) { [System.IO.Directory]::Delete($Path, $false) }
  if (-not (Test-Path -LiteralPath $Path)) { New-Item -ItemType Directory -Path $Path | Out-Null }
  # A folder an officer created before the install would be theirs to re-open; take it back, children too.
  & icacls.exe $Path /setowner "*$SidAdministrators" /T /C /Q | Out-Null
  if ($LASTEXITCODE -ne 0) { throw "icacls /setowner ${Path}: mã $LASTEXITCODE" }
  Set-Acl -LiteralPath $Path -AclObject (New-Acl $UsersRead $UsersModify)
  if (Get-ChildItem -LiteralPath $Path -Force) {
    & icacls.exe (Join-Path $Path '*') /reset /T /C /Q | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "icacls /reset ${Path}: mã $LASTEXITCODE" }
  }
}

function Get-TaskFolder {
  $service = New-Object -ComObject 'Schedule.Service'
  $service.Connect()
  return $service.GetFolder('\')
}

function Register-Updater {
  # Before this runs, ProgramData lets any user create files here: a policy.json an officer wrote is not trusted.
  if ((Test-Path -LiteralPath $PolicyFile) -and -not (Test-TrustedOwner $PolicyFile)) {
    Rename-Item -LiteralPath $PolicyFile -NewName ('policy.json.untrusted-{0:yyyyMMddHHmmss}' -f (Get-Date))
  }
  Set-FolderAcl $Root $true $false
  Set-FolderAcl $DropDir $true $true
  Set-FolderAcl $StateDir $true $false
  Set-FolderAcl $StagingDir $false $false
  $script = [System.Security.SecurityElement]::Escape((Join-Path $InstallDir 'resources\updater\motcua-updater.ps1'))
  $powershell = [System.Security.SecurityElement]::Escape((Join-Path $env:SystemRoot 'System32\WindowsPowerShell\v1.0\powershell.exe'))
  $xml = @"
<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Description>Cài bản cập nhật MotCua Counter đã kiểm chữ ký (chạy với quyền SYSTEM, không hỏi UAC).</Description></RegistrationInfo>
  <Triggers><BootTrigger><Enabled>true</Enabled><Delay>PT2M</Delay></BootTrigger></Triggers>
  <Principals><Principal id="System"><UserId>$SidSystem</UserId><LogonType>ServiceAccount</LogonType><RunLevel>HighestAvailable</RunLevel></Principal></Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <StartWhenAvailable>true</StartWhenAvailable>
    <Enabled>true</Enabled>
    <ExecutionTimeLimit>PT30M</ExecutionTimeLimit>
  </Settings>
  <Actions Context="System"><Exec><Command>$powershell</Command><Arguments>-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$script" -Action Install</Arguments></Exec></Actions>
</Task>
"@
  # 6 = TASK_CREATE_OR_UPDATE, 5 = TASK_LOGON_SERVICE_ACCOUNT; the last argument is the task's own DACL.
  (Get-TaskFolder).RegisterTask($TaskName, $xml, 6, $null, $null, 5, $TaskSddl) | Out-Null
}

function Unregister-Updater {
  try { (Get-TaskFolder).DeleteTask($TaskName, 0) } catch { Write-Verbose "không có tác vụ $TaskName" }
  if (Test-Path -LiteralPath $StagingDir) { Remove-Item -LiteralPath $StagingDir -Recurse -Force }
}

function Read-Policy {
  if (-not (Test-Path -LiteralPath $PolicyFile)) { throw "chưa có $PolicyFile (cần updateServerUrl)" }
  if (-not (Test-TrustedOwner $PolicyFile)) { throw "$PolicyFile không do quản trị viên hay SYSTEM tạo; không tin địa chỉ máy chủ trong đó" }
  $policy = Get-Content -LiteralPath $PolicyFile -Raw -Encoding UTF8 | ConvertFrom-Json
  $names = @($policy.PSObject.Properties.Name)
  $server = if ($names -contains 'updateServerUrl') { [string]$policy.updateServerUrl } else { '' }
  $publisher = if ($names -contains 'updatePublisher') { [string]$policy.updatePublisher } else { '' }
  $allowHttp = ($names -contains 'allowHttpUpdates') -and ($policy.allowHttpUpdates -eq $true)
  $uri = $null
  if (-not [Uri]::TryCreate($server, [UriKind]::Absolute, [ref]$uri)) { throw "updateServerUrl trong policy.json không hợp lệ: '$server'" }
  # Over plain http a rogue LAN device could serve its own latest.yml; only a publisher signature then protects.
  $httpAllowed = $uri.Scheme -eq 'http' -and $allowHttp -and $publisher
  if ($uri.Scheme -ne 'https' -and -not $httpAllowed) { throw "updateServerUrl phải dùng https (http chỉ được khi có allowHttpUpdates và updatePublisher)" }
  $base = $uri.GetLeftPart([UriPartial]::Path).TrimEnd('/')
  return @{ LatestUrl = "$base/updates/latest.yml"; Publisher = $publisher }
}

# latest.yml as electron-builder writes it: top-level version/path/sha512 and a files list of url/sha512/size.
function ConvertFrom-LatestYml([string]$Text) {
  $info = @{ version = ''; files = @() }
  $current = $null
  foreach ($raw in ($Text -split "`r?`n")) {
    if ($raw -match '^version:\s*[''"]?([^''"\s]+)') { $info.version = $Matches[1]; continue }
    if ($raw -match '^\s+-\s+url:\s*[''"]?([^''"]+?)[''"]?\s*$') { $current = @{ url = $Matches[1]; sha512 = ''; size = -1 }; $info.files += , $current; continue }
    if ($null -ne $current -and $raw -match '^\s+sha512:\s*[''"]?([A-Za-z0-9+/=]+)') { $current.sha512 = $Matches[1]; continue }
    if ($null -ne $current -and $raw -match '^\s+size:\s*(\d+)') { $current.size = [long]$Matches[1]; continue }
    if ($raw -match '^\S') { $current = $null }
  }
  return $info
}

function Get-Sha512Base64([string]$Path) {
  $hex = (Get-FileHash -LiteralPath $Path -Algorithm SHA512).Hash
  $bytes = New-Object byte[] ($hex.Length / 2)
  for ($i = 0; $i -lt $bytes.Length; $i++) { $bytes[$i] = [Convert]::ToByte($hex.Substring($i * 2, 2), 16) }
  return [Convert]::ToBase64String($bytes)
}

function ConvertTo-VersionKey([string]$Version) {
  $core = ($Version -split '-', 2)[0]
  return [version]("$core.0.0.0".Split('.')[0..3] -join '.')
}

function Get-AppProcesses {
  $exe = Join-Path $InstallDir $AppExeName
  return @(Get-Process -Name ([IO.Path]::GetFileNameWithoutExtension($AppExeName)) -ErrorAction SilentlyContinue |
      Where-Object { $_.Path -and ($_.Path -ieq $exe) })
}

function Start-AppForConsoleUser {
  $user = (Get-CimInstance -ClassName Win32_ComputerSystem).UserName
  if (-not $user -or (Get-AppProcesses).Count -gt 0) { return }
  # A SYSTEM process cannot open a window on the user's desktop; a one-off task in their session can.
  $action = New-ScheduledTaskAction -Execute (Join-Path $InstallDir $AppExeName)
  $principal = New-ScheduledTaskPrincipal -UserId $user -LogonType Interactive -RunLevel Limited
  Register-ScheduledTask -TaskName $RelaunchTaskName -Action $action -Principal $principal -Force | Out-Null
  try {
    Start-ScheduledTask -TaskName $RelaunchTaskName
    Start-Sleep -Seconds 5
  } finally {
    Unregister-ScheduledTask -TaskName $RelaunchTaskName -Confirm:$false
  }
}

function Install-Update {
  $manifestPath = Join-Path $DropDir $ManifestName
  if (-not (Test-Path -LiteralPath $manifestPath)) { return 0 }
  $version = '?'
  try {
    if (-not (Test-PlainItem $DropDir) -or -not (Test-PlainItem $manifestPath)) { throw 'thư mục hoặc tệp bàn giao là liên kết (reparse point)' }
    if ((Get-Item -LiteralPath $manifestPath).Length -gt 65536) { throw 'update.json quá lớn' }
    $manifest = Get-Content -LiteralPath $manifestPath -Raw -Encoding UTF8 | ConvertFrom-Json
    $version = [string]$manifest.version
    $file = [string]$manifest.file
    if ($version -notmatch $VersionPattern) { throw "phiên bản '$version' không hợp lệ" }
    if ($file -notmatch $InstallerNamePattern) { throw "tên tệp '$file' không hợp lệ" }
    $source = Join-Path $DropDir $file
    if (-not (Test-Path -LiteralPath $source) -or -not (Test-PlainItem $source)) { throw "không có tệp cài $file (hoặc là liên kết)" }

    $policy = Read-Policy
    [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
    $response = Invoke-WebRequest -Uri $policy.LatestUrl -UseBasicParsing -TimeoutSec 60 -MaximumRedirection 0
    $latest = ConvertFrom-LatestYml ([System.Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray()))
    if ($latest.version -ne $version) { throw "máy chủ đang phát hành phiên bản '$($latest.version)', không phải $version" }
    $entry = @($latest.files | Where-Object { [Uri]::UnescapeDataString(($_.url -split '/')[-1]) -eq $file }) | Select-Object -First 1
    if (-not $entry -or -not $entry.sha512) { throw "latest.yml không có sha512 cho $file" }

    $installedExe = Join-Path $InstallDir $AppExeName
    $installed = if (Test-Path -LiteralPath $installedExe) { [string](Get-Item -LiteralPath $installedExe).VersionInfo.ProductVersion } else { '0.0.0' }
    if ((ConvertTo-VersionKey $version) -le (ConvertTo-VersionKey $installed)) { throw "phiên bản $version không mới hơn bản đang cài $installed" }

    if (-not (Test-Path -LiteralPath $StagingDir)) { Set-FolderAcl $StagingDir $false $false }
    Get-ChildItem -LiteralPath $StagingDir -Force | Remove-Item -Recurse -Force
    $staged = Join-Path $StagingDir $file
    Copy-Item -LiteralPath $source -Destination $staged -Force
    if ($entry.size -ge 0 -and (Get-Item -LiteralPath $staged).Length -ne $entry.size) { throw "kích thước $file khác latest.yml" }
    if ((Get-Sha512Base64 $staged) -cne $entry.sha512) { throw "sha512 của $file khác latest.yml trên máy chủ" }
    if ($policy.Publisher) {
      $signature = Get-AuthenticodeSignature -LiteralPath $staged
      $signer = if ($signature.SignerCertificate) { $signature.SignerCertificate.GetNameInfo([System.Security.Cryptography.X509Certificates.X509NameType]::SimpleName, $false) } else { '' }
      if ($signature.Status -ne 'Valid' -or $signer -cne $policy.Publisher) { throw "chữ ký số của $file không hợp lệ hoặc không phải của '$($policy.Publisher)' ($($signature.Status), '$signer')" }
    }
  } catch {
    Write-Result $version 'refused' $_.Exception.Message
    return 1
  }

  # The app quits itself once the task has started; never close a counter that is still running.
  $deadline = (Get-Date).AddMinutes(2)
  while ((Get-AppProcesses).Count -gt 0 -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 2 }
  if ((Get-AppProcesses).Count -gt 0) {
    Write-Result $version 'deferred' 'ứng dụng quầy vẫn đang mở; sẽ cài khi khởi động lại máy'
    return 0
  }
  try {
    $process = Start-Process -FilePath $staged -ArgumentList '/S', '--updated' -Wait -PassThru
    if ($process.ExitCode -ne 0) { throw "trình cài đặt kết thúc với mã $($process.ExitCode)" }
    Write-Result $version 'installed' ''
    return 0
  } catch {
    Write-Result $version 'failed' $_.Exception.Message
    return 2
  } finally {
    Remove-Item -LiteralPath $staged -Force -ErrorAction SilentlyContinue
  }
}

switch ($Action) {
  'Register' { Register-Updater; exit 0 }
  'Unregister' { Unregister-Updater; exit 0 }
  'Install' {
    if (-not (Test-Path -LiteralPath $StateDir)) { New-Item -ItemType Directory -Path $StateDir | Out-Null }
    $code = 2
    try {
      $code = Install-Update
    } catch {
      Write-Log "lỗi: $($_.Exception.Message)"
    } finally {
      # The app quit for this update; bring it back whatever happened, on the desk of whoever is signed in.
      try { Start-AppForConsoleUser } catch { Write-Log "không mở lại được ứng dụng: $($_.Exception.Message)" }
    }
    exit $code
  }
}
