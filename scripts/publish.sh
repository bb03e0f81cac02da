#!/usr/bin/env bash
# Publishes tap-customerio as one self-contained executable per runtime into artifacts/<rid>/.
#
#   scripts/publish.sh [--mode auto|aot|single-file] [RID ...]     (default RIDs: linux-x64 linux-arm64)
#
# auto (the default) builds a native AOT binary when this machine has the C toolchain for the target, and otherwise a
# self-contained, trimmed single-file build, saying so. Native AOT for another architecture (linux-arm64 on an x86_64
# machine) needs clang, a linker for that architecture (binutils-aarch64-linux-gnu, or lld), llvm-objcopy and a sysroot:
# gcc-aarch64-linux-gnu + libc6-dev-arm64-cross on Debian/Ubuntu, or SYSROOT=/path/to/arm64/rootfs.
# PublishAot is passed by the scripts only: `dotnet pack` makes the portable .NET tool, scripts/pack-tool.sh the native one.
set -euo pipefail

cd "$(dirname "$0")/.."
project=tap-customerio/tap-customerio.csproj
out_root=${OUT:-artifacts}
configuration=${CONFIGURATION:-Release}
# read_arguments, have, host_arch, aot_requirements
source scripts/lib/aot.sh
read_arguments "auto aot single-file" "$@"
((${#rids[@]})) || rids=(linux-x64 linux-arm64)

status=0
summary=()
for rid in "${rids[@]}"; do
    dir=$out_root/$rid
    report=$(aot_requirements "$rid")
    missing=$(sed -n 's/^missing: //p' <<<"$report")
    read -r -a extra <<<"$(sed -n 's/^props: //p' <<<"$report")"

    kind=$mode
    if [[ $mode == auto ]]; then
        if [[ -z $missing ]]; then kind=aot; else kind=single-file; fi
    elif [[ $mode == aot && -n $missing ]]; then
        echo "publish.sh: $rid: native AOT is not possible on this machine; missing: $missing" >&2
        status=1
        continue
    fi

    if [[ $kind == aot ]]; then
        echo "==> $rid: native AOT"
        flags=(-p:PublishAot=true "${extra[@]}")
    else
        if [[ $mode == auto ]]; then
            echo "==> $rid: native AOT is not possible on this machine (missing: $missing);" \
                "building a self-contained, trimmed single-file binary instead (no .NET needed to run it, but larger and slower to start)"
        else
            echo "==> $rid: self-contained, trimmed single file"
        fi
        flags=(-p:PublishAot=false -p:PublishSingleFile=true -p:SelfContained=true -p:PublishTrimmed=true)
    fi

    rm -rf "$dir"
    if ! dotnet publish "$project" -c "$configuration" -r "$rid" "${flags[@]}" -o "$dir" -nologo; then
        echo "publish.sh: $rid: dotnet publish failed" >&2
        status=1
        continue
    fi

    binary=$dir/tap-customerio
    if [[ ! -x $binary ]]; then
        echo "publish.sh: $rid: $binary was not produced" >&2
        status=1
        continue
    fi

    size=$(du -h "$binary" | cut -f1)
    label="native AOT"
    [[ $kind == aot ]] || label="self-contained trimmed single file"
    case $rid in linux-x64) arch=x86_64 ;; linux-arm64) arch=aarch64 ;; *) arch=other ;; esac
    if [[ $arch == "$host_arch" ]]; then
        version=$("$binary" --version)
        summary+=("$rid: $label, $binary ($size); --version prints $version")
    else
        summary+=("$rid: $label, $binary ($size); built for $arch, not run on this $host_arch machine")
    fi
done

if ((${#summary[@]})); then
    echo
    printf '%s\n' "${summary[@]}"
fi
exit $status
