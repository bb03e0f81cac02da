#!/usr/bin/env bash
# Packs tap-customerio as a .NET tool whose `dotnet tool install` gets a native binary where one was built, into
# artifacts/ (OUT):
#
#   scripts/pack-tool.sh [--mode auto|aot] [RID ...]     (default RID: linux-x64)
#
# Per RID, a package of a native AOT build when this machine has the toolchain for it (auto), else of a
# framework-dependent ReadyToRun build; `aot` refuses that fallback. Then the `any` package, the portable build run by
# the .NET 10 runtime, which every other platform gets. Then the top-level `tap-customerio` package that names them all:
# the .NET 10 SDK's `dotnet tool install` reads it and installs the package for its machine.
set -euo pipefail

cd "$(dirname "$0")/.."
project=tap-customerio/tap-customerio.csproj
out=${OUT:-artifacts}
configuration=${CONFIGURATION:-Release}
# read_arguments, have, host_arch, aot_requirements
source scripts/lib/aot.sh
read_arguments "auto aot" "$@"
((${#rids[@]})) || rids=(linux-x64)

# Every pack names the same packages (the quotes keep MSBuild from splitting the list at its semicolons), publishes
# into a folder of its own (a package takes the whole folder: a native build's leftovers in the project's usual
# bin/<configuration>/net10.0/<rid>/publish/ would ride along) and leaves out debug symbols (19 MB for native AOT).
listed=$(IFS=';'; echo "${rids[*]};any")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
common=(-c "$configuration" -o "$out" -nologo "-p:ToolPackageRuntimeIdentifiers=\"$listed\"" -p:CopyOutputSymbolsToPublishDirectory=false)
mkdir -p "$out"
rm -f "$out"/tap-customerio.*nupkg

summary=()
for rid in "${rids[@]}"; do
    report=$(aot_requirements "$rid")
    missing=$(sed -n 's/^missing: //p' <<<"$report")
    read -r -a extra <<<"$(sed -n 's/^props: //p' <<<"$report")"
    if [[ -z $missing ]]; then
        echo "==> $rid: native AOT"
        flags=(-p:PublishAot=true "${extra[@]}")
        summary+=("$rid: native AOT")
    elif [[ $mode == aot ]]; then
        echo "pack-tool.sh: $rid: native AOT is not possible on this machine; missing: $missing" >&2
        exit 1
    else
        echo "==> $rid: native AOT is not possible on this machine (missing: $missing); packing a framework-dependent ReadyToRun build"
        flags=(-p:PublishAot=false)
        summary+=("$rid: framework-dependent ReadyToRun (needs the .NET 10 runtime)")
    fi

    dotnet pack "$project" "${common[@]}" -r "$rid" "${flags[@]}" "-p:PublishDir=$work/$rid/"
done

echo "==> any: the portable build, for every other platform"
dotnet pack "$project" "${common[@]}" -r any -p:PublishAot=false "-p:PublishDir=$work/any/"
summary+=("any: portable (needs the .NET 10 runtime)")

# Last: with PublishAot set, a pack without a RID makes the top-level package alone.
echo "==> the top-level package"
dotnet pack "$project" "${common[@]}" -p:PublishAot=true "-p:PublishDir=$work/top/"

echo
printf '%s\n' "${summary[@]}"
ls -1 "$out"/tap-customerio.*nupkg
echo "Install with: dotnet tool install --global --add-source $out tap-customerio"
