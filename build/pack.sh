#!/usr/bin/env bash
# Packs every Pax package into a folder feed and prints how to use it.
#
#   ./build/pack.sh                           # ./artifacts/feed, version from Directory.Build.props (VersionPrefix)
#   ./build/pack.sh --version 0.1.0-dev.2     # another version (NuGet caches a version once: re-packing the same
#                                             # version does not reach projects that restored it already)
#   ./build/pack.sh --tag v0.2.0              # the release workflow: the version is the tag without its "v"
#   ./build/pack.sh --tag v0.2.0 --check      # only check the tag and print the version it stamps
#   ./build/pack.sh -o DIR [dotnet pack options, such as -p:RepositoryUrl=https://…]
#
# Runs `dotnet pack packages.slnf -c Release -o DIR` (the packable projects only) from the repository root, then
# prints the nuget.config line of the feed and the install commands, with this feed's path and version.
# Exit codes: 0 packed; 2 a bad option or tag (nothing packed); otherwise dotnet pack's own.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="${root}/artifacts/feed"
version=""
check_only=false
pack_options=()

fail() { echo "error: $*" >&2; exit 2; }

# A NuGet version (SemVer 2.0: MAJOR.MINOR.PATCH, optional -prerelease of dot-separated identifiers).
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'

while [ $# -gt 0 ]; do
  case "$1" in
    --tag)
      [ $# -ge 2 ] || fail "--tag needs a tag, such as v0.2.0"
      [[ "$2" == v* && "${2#v}" =~ $semver ]] \
        || fail "tag '$2' is not a version tag: use v followed by a version, such as v0.2.0 or v0.2.0-beta.1"
      version="${2#v}"; shift 2 ;;
    --version)
      [ $# -ge 2 ] || fail "--version needs a version, such as 0.1.0-dev.2"
      [[ "$2" =~ $semver ]] || fail "version '$2' is not a version such as 0.2.0 or 0.2.0-beta.1"
      version="$2"; shift 2 ;;
    --check)
      check_only=true; shift ;;
    -o|--output)
      [ $# -ge 2 ] || fail "$1 needs a folder"
      output="$2"; shift 2 ;;
    -h|--help)
      sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)
      pack_options+=("$1"); shift ;;
  esac
done

if [ -z "${version}" ]; then
  version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "${root}/Directory.Build.props" | head -n 1)"
  [[ "${version}" =~ $semver ]] || fail "no VersionPrefix in ${root}/Directory.Build.props"
fi

if [ "${check_only}" = true ]; then
  echo "${version}"
  exit 0
fi

feed="$(mkdir -p "${output}" && cd "${output}" && pwd)"
echo "Packing Pax ${version} into ${feed} …"
(cd "${root}" && dotnet pack packages.slnf -c Release -o "${feed}" -nologo -v q "-p:Version=${version}" ${pack_options[@]+"${pack_options[@]}"})

packages=()
for id in Pax.GoogleCloud Pax.Orchestration.Abstractions Pax.Collection Pax.Orchestration Pax.Orchestration.Dashboard \
          Pax.Analyzers Pax.Tool Pax.CameraSimulator Pax.Templates; do
  [ -f "${feed}/${id}.${version}.nupkg" ] || fail "dotnet pack wrote no ${id}.${version}.nupkg into ${feed}"
  packages+=("${id}")
done

cat <<EOF

Packed ${#packages[@]} packages, version ${version}, into ${feed}
(the library packages carry Pax.Analyzers).

Add the feed to the nuget.config beside your projects, inside <packageSources>:
  <add key="pax-local" value="${feed}" />
or, for every project of this user:
  dotnet nuget add source "${feed}" --name pax-local

Then install:
  dotnet new install Pax.Templates::${version}
  dotnet tool install --global Pax.Tool --version ${version}
  dotnet tool install --global Pax.CameraSimulator --version ${version}
and, in a project of your own:
  dotnet add package Pax.Collection --version ${version}
  dotnet add package Pax.Orchestration --version ${version}
  dotnet add package Pax.Orchestration.Dashboard --version ${version}
  dotnet add package Pax.Orchestration.Abstractions --version ${version}
  dotnet add package Pax.GoogleCloud --version ${version}
EOF

# NuGet keeps the first copy of a version it restored: a project or tool that took this version before keeps it.
if [ -d "${NUGET_PACKAGES:-${HOME}/.nuget/packages}/pax.collection/${version}" ]; then
  cat <<EOF

Note: this machine restored Pax ${version} before, and NuGet keeps that first copy. To use what was just packed,
pack another version (./build/pack.sh --version ${version%%-*}-dev.$(date -u +%Y%m%d%H%M)) or clear the cache
(dotnet nuget locals global-packages --clear).
EOF
fi
