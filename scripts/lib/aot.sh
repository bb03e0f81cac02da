# Sourced by scripts/publish.sh and scripts/pack-tool.sh (from the repository's root): their shared arguments, and
# whether this machine can build tap-customerio as native AOT for a runtime identifier, with which MSBuild properties.
# shellcheck shell=bash

# Reads "[--mode MODE] [RID ...]" into $mode (default auto) and the array $rids; MODES (one string) are the modes the
# calling script takes. -h prints the script's header comment.
read_arguments() {
    local modes=$1 name
    name=$(basename "$0")
    shift
    mode=auto
    rids=()
    while (($#)); do
        case $1 in
            --mode) mode=${2:?--mode needs one of: $modes}; shift 2 ;;
            --mode=*) mode=${1#--mode=}; shift ;;
            -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
            -*) echo "$name: unknown option $1" >&2; exit 2 ;;
            *) rids+=("$1"); shift ;;
        esac
    done
    if [[ " $modes " != *" $mode "* ]]; then
        echo "$name: --mode must be one of: $modes" >&2
        exit 2
    fi
}

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
