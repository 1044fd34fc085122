#!/usr/bin/env bash
# Validates what ships to a school's tenant (issue 6), offline:
#   1. the Teams app package: builds it with a test app id through the real CLI (`package`), checks the zip's files,
#      and runs the Microsoft 365 Agents Toolkit validator (`atk validate`) on the repository manifest (placeholder id)
#      and on the manifest inside the built zip;
#   2. the Azure infrastructure: every infra/bicep/**/*.bicep is built with the Bicep CLI (any stderr output, warnings
#      included, fails) and linted (any output fails); every *.bicepparam is built and linted the same way.
# Standalone: installs what it needs (npm tools via scripts/setup.sh, the Bicep CLI from its NuGet package) when missing.
# Runs every check, prints each result, exits non-zero when any failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

failures=0
passes=0
ok()   { passes=$((passes + 1)); printf '[validate-ship] ok    %s\n' "$*"; }
fail() { failures=$((failures + 1)); printf '[validate-ship] FAIL  %s\n' "$*" >&2; }
log()  { printf '[validate-ship] %s\n' "$*"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- tools -----------------------------------------------------------------------------------------------------------
atk="$root/tools/node_modules/.bin/atk"
if [ ! -x "$atk" ]; then
  log "atk missing: running scripts/setup.sh"
  bash "$root/scripts/setup.sh" >/dev/null || true
fi

bicep_version="$(sed -n 's/.*PackageVersion Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)"
nuget_root="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$nuget_root/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
if [ ! -f "$bicep" ]; then
  log "Bicep CLI $bicep_version missing: restoring tools/bicep/BicepTool.csproj"
  dotnet restore tools/bicep/BicepTool.csproj -nologo -v q >/dev/null 2>&1 || true
fi
[ -f "$bicep" ] && chmod +x "$bicep"

# --- 1. Teams app package --------------------------------------------------------------------------------------------
test_app_id="6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
test_domain="teamsplans-validate.azurewebsites.net"
zip="$work/TeamsPlans.zip"

atk_validate() { # $1 manifest path, $2 label
  local out rc
  if [ ! -x "$atk" ]; then fail "$2: atk not installed (tools/node_modules/.bin/atk)"; return; fi
  out="$("$atk" validate --manifest-file "$1" --telemetry false 2>&1)"; rc=$?
  if [ "$rc" -ne 0 ] || printf '%s' "$out" | grep -Eqi '(✖|×|error|[1-9][0-9]* failed)'; then
    printf '%s\n' "$out" >&2
    fail "$2: atk validate (rc=$rc)"
  else
    ok "$2: atk validate"
  fi
}

atk_validate appPackage/manifest.json "appPackage/manifest.json (template)"

if dotnet run --project src/Bot -c Release -- package --app-id "$test_app_id" --domain "$test_domain" --out "$zip" >"$work/package.log" 2>&1 && [ -f "$zip" ]; then
  ok "package command wrote $(basename "$zip")"
  mkdir -p "$work/unzipped"
  if python3 - "$zip" "$work/unzipped" "$test_app_id" "$test_domain" <<'PY'
import json, struct, sys, zipfile
zpath, dest, app_id, domain = sys.argv[1:5]
z = zipfile.ZipFile(zpath)
names = z.namelist()
problems = []
for required in ("manifest.json", "color.png", "outline.png"):
    if required not in names:
        problems.append(f"{required} missing at the zip root (entries: {names})")
if any("/" in n for n in names):
    problems.append(f"entries must sit at the zip root: {names}")
m = json.loads(z.read("manifest.json"))
loc = m.get("localizationInfo", {})
if loc.get("defaultLanguageTag") != "vi-VN": problems.append(f"defaultLanguageTag is {loc.get('defaultLanguageTag')}, expected vi-VN")
if loc.get("defaultLanguageFile") not in names: problems.append(f"default language file {loc.get('defaultLanguageFile')} missing")
if "en" not in [l.get("languageTag") for l in loc.get("additionalLanguages", [])]: problems.append("no additional language 'en'")
for lang in loc.get("additionalLanguages", []):
    if lang["file"] not in names:
        problems.append(f"localization file {lang['file']} missing")
def size(name):
    data = z.read(name)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])
if size("color.png") != (192, 192): problems.append(f"color.png is {size('color.png')}, expected 192x192")
if size("outline.png") != (32, 32): problems.append(f"outline.png is {size('outline.png')}, expected 32x32")
ids = [m["id"], m["bots"][0]["botId"], m["webApplicationInfo"]["id"]]
if any(i != app_id for i in ids): problems.append(f"app id not substituted everywhere: {ids}")
if app_id not in m["webApplicationInfo"].get("resource", ""): problems.append("webApplicationInfo.resource lacks the app id")
if "00000000-0000-0000-0000-000000000000" in json.dumps(m): problems.append("placeholder app id left in the manifest")
if domain not in m.get("validDomains", []): problems.append(f"{domain} not in validDomains")
z.extractall(dest)
for p in problems: print("  " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
  then ok "zip content: manifest + icons (192x192, 32x32) + localization at the root, app id and domain substituted"
  else fail "zip content"
  fi
  atk_validate "$work/unzipped/manifest.json" "built package manifest"
else
  cat "$work/package.log" >&2
  fail "package command (dotnet run --project src/Bot -- package)"
fi

# A bad app id must be refused with the documented exit code (2), not crash or write a zip.
dotnet run --project src/Bot -c Release --no-build -- package --app-id not-a-guid --out "$work/bad.zip" >"$work/bad.log" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && [ ! -f "$work/bad.zip" ] && grep -q "GUID" "$work/bad.log"; then
  ok "package command refuses a bad app id (exit 2)"
else
  cat "$work/bad.log" >&2
  fail "package command with a bad app id: exit $rc (expected 2, no zip)"
fi

# --- 2. Bicep --------------------------------------------------------------------------------------------------------
if [ ! -x "$bicep" ]; then
  fail "Bicep CLI not found at $bicep (dotnet restore tools/bicep/BicepTool.csproj)"
else
  log "$("$bicep" --version)"
  # Secrets in the example parameters file come from environment variables; give validation-only values.
  export TEAMSPLANS_PG_PASSWORD="${TEAMSPLANS_PG_PASSWORD:-ValidateOnly-NotASecret-1}"
  export TEAMSPLANS_BOT_PASSWORD="${TEAMSPLANS_BOT_PASSWORD:-ValidateOnly-NotASecret-2}"
  mapfile -t bicep_files < <(find infra/bicep -type f \( -name '*.bicep' -o -name '*.bicepparam' \) | sort)
  if [ "${#bicep_files[@]}" -eq 0 ]; then fail "no Bicep files under infra/bicep"; fi
  for f in "${bicep_files[@]}"; do
    case "$f" in
      *.bicepparam) build=(build-params "$f" --stdout) ;;
      *)            build=(build "$f" --stdout) ;;
    esac
    "$bicep" "${build[@]}" >/dev/null 2>"$work/bicep.err"; rc=$?
    if [ "$rc" -ne 0 ] || [ -s "$work/bicep.err" ]; then
      cat "$work/bicep.err" >&2
      fail "bicep ${build[0]} $f (rc=$rc)"
    else
      ok "bicep ${build[0]} $f"
    fi
    out="$("$bicep" lint "$f" 2>&1)"; rc=$?
    if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
      printf '%s\n' "$out" >&2
      fail "bicep lint $f (rc=$rc)"
    else
      ok "bicep lint $f"
    fi
  done
fi

echo "validate-ship: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
