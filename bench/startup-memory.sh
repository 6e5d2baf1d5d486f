#!/usr/bin/env bash
# Startup time and resident memory of the batch service, on loopback only.
#
#   ./mvnw -B package -DskipTests && bench/startup-memory.sh          # JVM: target/quarkus-app/quarkus-run.jar
#   bench/startup-memory.sh target/modecon-batch-service-1.0.0-SNAPSHOT-runner    # a native binary
#
# Builds nothing. Each run copies the shipped template Original/Batch(0) into a fresh temporary root,
# starts the service on a free 127.0.0.1 port, takes the time from process start to the first 200 of
# /q/health/ready, reads VmRSS, sends CREATIONS sequential POST /create_new_batch on one connection,
# reads VmRSS again, stops the service with SIGTERM and prints one table row.
#
# Environment: RUNS (default 1; with more, a median row is added), CREATIONS (default 1000),
# JAVA (default java), JAVA_OPTS (extra JVM flags, default none).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-1}
CREATIONS=${CREATIONS:-1000}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
STARTUP_LIMIT_S=60     # a service that is not ready by then counts as failed
CREATION_LIMIT_S=600   # upper bound for all creations of one run
STOP_LIMIT_S=160       # shutdown may take 30 s for requests plus 120 s for the writer

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
template="$project/Original/Batch(0)"

if [[ $# -ge 1 ]]; then
    mode=native
    binary=$(realpath "$1")
    [[ -x $binary ]] || { echo "not an executable: $1" >&2; exit 2; }
    command=("$binary")
else
    mode=jvm
    jar="$project/target/quarkus-app/quarkus-run.jar"
    [[ -f $jar ]] || { echo "missing $jar: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
    # shellcheck disable=SC2206 # JAVA_OPTS is split into flags on purpose
    command=("$JAVA" $JAVA_OPTS -jar "$jar")
fi
[[ -d $template ]] || { echo "missing template $template" >&2; exit 2; }
command -v curl > /dev/null || { echo "curl is required" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/batch-bench.XXXXXX")
pid=
cleanup() {
    if [[ -n $pid ]] && kill -0 "$pid" 2> /dev/null; then
        kill -KILL "$pid" 2> /dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

millis() { echo $(( $(date +%s%N) / 1000000 )); }

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

ready_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$1/q/health/ready" || true
}

# One run; appends "startup_ms rss_start_mib rss_end_mib creation_s" to $results.
run_once() {
    local run=$1 root="$work/root-$1" log="$work/service-$1.log" port started ready_ms rss_start rss_end
    mkdir -p "$root"
    cp -R "$template" "$root/"
    port=$(free_port)

    started=$(millis)
    BATCH_ROOT="$root" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
        "${command[@]}" > "$log" 2>&1 &
    pid=$!

    until [[ $(ready_status "$port") == 200 ]]; do
        if ! kill -0 "$pid" 2> /dev/null; then
            echo "run $run: the service exited during startup; log follows" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        if (( $(millis) - started > STARTUP_LIMIT_S * 1000 )); then
            echo "run $run: not ready after $STARTUP_LIMIT_S s; log follows" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        sleep 0.01
    done
    ready_ms=$(( $(millis) - started ))
    rss_start=$(rss_mib "$pid")

    local requests="$work/requests-$run.curl" codes="$work/codes-$run.txt" before after failed
    for _ in $(seq 1 "$CREATIONS"); do
        printf 'url = "http://127.0.0.1:%s/create_new_batch"\noutput = "/dev/null"\n' "$port"
    done > "$requests"
    before=$(millis)
    timeout "$CREATION_LIMIT_S" curl -s -X POST -H 'Content-Type: application/json' --data '{}' \
        --max-time 10 -w '%{http_code}\n' --config "$requests" > "$codes" || true
    after=$(millis)
    rss_end=$(rss_mib "$pid")
    failed=$(grep -cv '^200$' "$codes" || true)
    if (( failed > 0 || $(wc -l < "$codes") != CREATIONS )); then
        echo "run $run: $(grep -c '^200$' "$codes" || true) of $CREATIONS creations answered 200" >&2
    fi
    if [[ ! -d "$root/Batch($CREATIONS)" ]]; then
        echo "run $run: Batch($CREATIONS) was not created" >&2
    fi

    kill -TERM "$pid"
    local stop_started
    stop_started=$(millis)
    while kill -0 "$pid" 2> /dev/null; do
        if (( $(millis) - stop_started > STOP_LIMIT_S * 1000 )); then
            echo "run $run: still running $STOP_LIMIT_S s after SIGTERM; killed" >&2
            kill -KILL "$pid" 2> /dev/null || true
            break
        fi
        sleep 0.1
    done
    wait "$pid" 2> /dev/null || true
    pid=
    rm -rf "$root"

    echo "$ready_ms $rss_start $rss_end $(awk -v ms=$(( after - before )) 'BEGIN { printf "%.1f", ms / 1000 }')" \
        >> "$results"
}

header=$(printf '%-7s %-6s %11s %15s %24s %17s' mode run "startup ms" "RSS start MiB" \
    "RSS after $CREATIONS MiB" "$CREATIONS creations s")
echo "$header"
results="$work/results.txt"
: > "$results"
for run in $(seq 1 "$RUNS"); do
    run_once "$run"
    read -r startup rss_start rss_end seconds < <(tail -n 1 "$results")
    printf '%-7s %-6s %11s %15s %24s %17s\n' "$mode" "$run" "$startup" "$rss_start" "$rss_end" "$seconds"
done

if (( RUNS > 1 )); then
    medians=()
    for column in 1 2 3 4; do
        medians+=("$(cut -d' ' -f"$column" "$results" | sort -g | awk '
            { values[NR] = $1 }
            END { if (NR % 2) print values[(NR + 1) / 2]; else print (values[NR / 2] + values[NR / 2 + 1]) / 2 }')")
    done
    printf '%-7s %-6s %11s %15s %24s %17s\n' "$mode" median "${medians[@]}"
fi
