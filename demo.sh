#!/usr/bin/env bash
# The demo: a full sync of a made-up Customer.io workspace served by the bundled fake App API on 127.0.0.1.
# No account, no network. Builds, starts the fake API, discovers, syncs into a file, changes some data, syncs again
# with the saved state, prints what each run extracted, and stops the server.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")"
out=demo-output
mkdir -p "$out"

echo "==> building (Release)"
dotnet build tap-customerio.sln -c Release -v quiet -nologo -clp:NoSummary >/dev/null
tap=tap-customerio/bin/Release/net10.0/tap-customerio
fake=fake-api/FakeCustomerIo/bin/Release/net10.0/fake-customerio

echo "==> starting the fake Customer.io API"
coproc FAKE { exec "$fake" --scale demo --api-key demo-key --port 0; }
fake_pid=$FAKE_PID
trap 'kill "$fake_pid" 2>/dev/null || true' EXIT
read -r line <&"${FAKE[0]}"
url=${line#listening on }
echo "    $url"

cat >"$out/config.json" <<JSON
{"api_key": "demo-key", "base_url": "$url", "start_date": "2025-01-01T00:00:00Z", "messages_lookback_days": 0, "lookback_minutes": 0}
JSON

echo "==> discovery: $out/catalog.json"
"$tap" --config "$out/config.json" --discover >"$out/catalog.json"

run() { # $1 = run name, rest = extra flags
  local name=$1; shift
  "$tap" --config "$out/config.json" --catalog "$out/catalog.json" "$@" >"$out/$name.jsonl" 2>"$out/$name.log"
  grep '"type":"STATE"' "$out/$name.jsonl" | tail -n 1 | sed -e 's/^{"type":"STATE","value"://' -e 's/}$//' >"$out/$name.state.json"
}

echo "==> sync 1 (everything since start_date): $out/run1.jsonl"
run run1
echo "==> the workspace changes (new deliveries, activities, edited campaigns...)"
hostport=${url#http://}
exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}"   # plain bash, so the demo needs no curl
printf 'POST /_fake/advance HTTP/1.1\r\nHost: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' "$hostport" >&3
cat <&3 >/dev/null
exec 3<&-
echo "==> sync 2 (resuming from $out/run1.state.json): $out/run2.jsonl"
run run2 --state "$out/run1.state.json"

counts() { grep -o '"type":"RECORD","stream":"[a-z_]*"' "$1" | cut -d'"' -f8 | sort | uniq -c | awk '{print $2, $1}'; }
requests() { grep -E '^INFO [a-z_]+: [0-9]+ records, [0-9]+ requests' "$1" | awk '{sub(":", "", $2); print $2, $5}'; }

echo
printf '%-28s %10s %10s %10s %10s\n' stream "records 1" "requests 1" "records 2" "requests 2"
join -a1 -a2 -e0 -o0,1.2,2.2 <(counts "$out/run1.jsonl" | sort) <(requests "$out/run1.log" | sort) >"$out/.r1"
join -a1 -a2 -e0 -o0,1.2,2.2 <(counts "$out/run2.jsonl" | sort) <(requests "$out/run2.log" | sort) >"$out/.r2"
join -a1 -a2 -e0 -o0,1.2,1.3,2.2,2.3 "$out/.r1" "$out/.r2" | while read -r s r1 q1 r2 q2; do
  printf '%-28s %10s %10s %10s %10s\n' "$s" "$r1" "$q1" "$r2" "$q2"
done
rm -f "$out/.r1" "$out/.r2"
echo
echo "Singer messages: $out/run1.jsonl, $out/run2.jsonl; logs: $out/run1.log, $out/run2.log; state: $out/run2.state.json"
