#!/usr/bin/env bash
# Publishes tap-customerio as one self-contained executable per runtime into artifacts/<rid>/.
#
#   scripts/publish.sh [--mode auto|aot|single-file] [RID ...]     (default RIDs: linux-x64 linux-arm64)
#
# auto (the default) builds a native AOT binary when this machine has the C toolchain for the target, and otherwise a
# self-contained, trimmed single-file build, saying so. Native AOT for another architecture (linux-arm64 on an x86_64
# machine) needs clang, a linker for that architecture (binutils-aarch64-linux-gnu, or lld), llvm-objcopy and a sysroot:
# gcc-aarch64-linux-gnu + libc6-dev-arm64-cross on Debian/Ubuntu, or SYSROOT=/path/to/arm64/rootfs.
# PublishAot is passed here only: the project itself packs as a .NET tool (PackAsTool), which cannot be native.
set -euo pipefail

cd "$(dirname "$0")/.."
project=tap-customerio/tap-customerio.csproj
out_root=${OUT:-artifacts}
configuration=${CONFIGURATION:-Release}
mode=auto
rids=()
while (($#)); do
    case $1 in
        --mode) mode=${2:?--mode needs auto, aot or single-file}; shift 2 ;;
        --mode=*) mode=${1#--mode=}; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "publish.sh: unknown option $1" >&2; exit 2 ;;
        *) rids+=("$1"); shift ;;
    esac
done
case $mode in auto|aot|single-file) ;; *) echo "publish.sh: --mode must be auto, aot or single-file" >&2; exit 2 ;; esac
((${#rids[@]})) || rids=(linux-x64 linux-arm64)

have() { command -v "$1" >/dev/null 2>&1; }

host_arch=$(uname -m)
case $host_arch in x86_64|amd64) host_arch=x86_64 ;; aarch64|arm64) host_arch=aarch64 ;; esac

# Prints what is missing for native AOT to <rid> on this machine (nothing when all is there), and the extra
# MSBuild properties the build then needs on the line "props: ...".
aot_requirements() {
    local rid=$1 arch deb_arch missing=() props=()
    case $rid in
        linux-x64) arch=x86_64 deb_arch=amd64 ;;
        linux-arm64) arch=aarch64 deb_arch=arm64 ;;
        *) echo "missing: a known Linux RID (linux-x64 or linux-arm64)"; return ;;
    esac

    if [[ $arch == "$host_arch" ]]; then
        have clang || have gcc || missing+=("clang or gcc")
    else
        have clang || missing+=("clang (gcc cannot cross-compile here)")
        have llvm-objcopy || have "$arch-linux-gnu-objcopy" || missing+=("llvm-objcopy (llvm)")
        if ! have "$arch-linux-gnu-ld.bfd"; then
            if have ld.lld; then props+=("-p:LinkerFlavor=lld"); else missing+=("an $arch linker ($arch-linux-gnu-ld.bfd or ld.lld)"); fi
        fi
        if [[ -n ${SYSROOT:-} ]]; then
            if compgen -G "$SYSROOT/usr/lib/$arch-linux-gnu/crt1.o" >/dev/null || compgen -G "$SYSROOT/usr/lib/crt1.o" >/dev/null; then
                props+=("-p:SysRoot=$SYSROOT")
            else
                missing+=("an $arch C library in SYSROOT=$SYSROOT (no crt1.o)")
            fi
        elif [[ ! -f /usr/$arch-linux-gnu/lib/crt1.o || ! -d /usr/lib/gcc-cross/$arch-linux-gnu ]]; then
            missing+=("an $arch sysroot (gcc-$arch-linux-gnu and the cross libc6-dev, or SYSROOT=...)")
        fi
    fi

    # The linker needs zlib for the target (zlib1g-dev, or zlib1g-dev:arm64 for linux-arm64).
    local lib found= libs=("/usr/lib/$arch-linux-gnu" /usr/lib "/usr/$arch-linux-gnu/lib")
    [[ $arch != "$host_arch" && -n ${SYSROOT:-} ]] && libs=("$SYSROOT/usr/lib/$arch-linux-gnu" "$SYSROOT/usr/lib")
    for lib in "${libs[@]}"; do
        [[ -e $lib/libz.so || -e $lib/libz.a ]] && found=1
    done
    if [[ -z $found ]]; then
        if [[ $arch == "$host_arch" ]]; then missing+=("zlib (zlib1g-dev)"); else missing+=("zlib for $arch (zlib1g-dev:$deb_arch)"); fi
    fi

    if ((${#missing[@]})); then
        local item text=
        for item in "${missing[@]}"; do text+=${text:+; }$item; done
        echo "missing: $text"
    fi
    echo "props: ${props[*]}"
}

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
