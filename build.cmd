@echo off
rem Bootstrap for Windows: find (or install) the .NET SDK from global.json, build the build
rem project quietly, then run it with the given arguments.
setlocal EnableDelayedExpansion

set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "TEMP_DIR=%ROOT%\.nuke\temp"
set "PROJECT=%ROOT%\build\Build.csproj"
set "OUTPUT=%ROOT%\build\bin\Debug\net10.0\Build.dll"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for /f "tokens=2 delims=:," %%v in ('findstr /c:"\"version\"" "%ROOT%\global.json"') do set "SDK_VERSION=%%~v"
set "SDK_VERSION=%SDK_VERSION: =%"
set "SDK_VERSION=%SDK_VERSION:"=%"
for /f "tokens=1,2 delims=." %%a in ("%SDK_VERSION%") do set "SDK_CHANNEL=%%a.%%b"

set "DOTNET="
where dotnet >nul 2>nul
if not errorlevel 1 (
  for /f "tokens=1" %%s in ('dotnet --list-sdks 2^>nul') do (
    echo %%s | findstr /b /c:"%SDK_CHANNEL%." >nul && set "DOTNET=dotnet"
  )
)
if not defined DOTNET if exist "%TEMP_DIR%\dotnet\dotnet.exe" set "DOTNET=%TEMP_DIR%\dotnet\dotnet.exe"
if not defined DOTNET (
  if not exist "%TEMP_DIR%" mkdir "%TEMP_DIR%"
  powershell -NoProfile -ExecutionPolicy Bypass -Command "try { Invoke-WebRequest -UseBasicParsing https://dot.net/v1/dotnet-install.ps1 -OutFile '%TEMP_DIR%\dotnet-install.ps1' } catch { exit 1 }"
  if errorlevel 1 (
    echo build.cmd: no .NET SDK %SDK_CHANNEL% ^(global.json^) found, and the dotnet-install script could not be downloaded; install the .NET SDK from https://dotnet.microsoft.com/download and run again. 1>&2
    exit /b 1
  )
  powershell -NoProfile -ExecutionPolicy Bypass -File "%TEMP_DIR%\dotnet-install.ps1" -InstallDir "%TEMP_DIR%\dotnet" -Channel %SDK_CHANNEL% -NoPath >nul
  if errorlevel 1 (
    echo build.cmd: installing the .NET SDK %SDK_CHANNEL% into .nuke\temp\dotnet failed. 1>&2
    exit /b 1
  )
  set "DOTNET=%TEMP_DIR%\dotnet\dotnet.exe"
)

if not exist "%TEMP_DIR%" mkdir "%TEMP_DIR%"
"%DOTNET%" build "%PROJECT%" -nologo -v quiet -clp:NoSummary -p:UseSharedCompilation=false /nodeReuse:false >"%TEMP_DIR%\build.log" 2>&1
if errorlevel 1 (
  type "%TEMP_DIR%\build.log" 1>&2
  echo build.cmd: the build project did not compile ^(log: .nuke\temp\build.log^). 1>&2
  exit /b 1
)

set "BUILD_ROOT_DIRECTORY=%ROOT%"
"%DOTNET%" "%OUTPUT%" %*
exit /b %ERRORLEVEL%
