#!/usr/bin/env bash
# How GET /batches scales with the number of batches, on loopback only.
#
#   ./mvnw -B package -DskipTests && bench/list-batches.sh
#   SIZES="1000 10000 30000" TMPDIR=/dev/shm RUNS=5 bench/list-batches.sh
#
# Builds nothing. For each size N it writes a root once, without the service: the shipped template
# Original/Batch(0) plus Batch(1..N), each holding ConfigurationPlotSpec(n)/ with two small files, an empty
# Results(n)/ and a .batch.json in the exact form the service writes. Each of RUNS runs then starts one
# fresh service per size (a new process, so its summary cache is empty), all at once on 127.0.0.1, waits
# for /q/health/ready, and times with curl:
#
#   cold   the first GET /batches of each service: it stats every folder and reads every .batch.json.
#          Five GET /batches/1 go first, untimed, so the HTTP and JSON code is loaded and the number is
#          mostly the listing (the JIT is still warming up on it). The generator has just written the
#          files, so they are in the OS page cache: "cold" is the service's cache, not the disk's.
#   warm   the median of WARM further GET /batches: one directory read and one stat per batch, summaries
#          from the cache (BatchCatalog keys them by folder inode and time). Before them, untimed, every service
#          lists until it has produced WARMUP_BATCHES summaries (200 lists of 1,000, 20 of 10,000), so the
#          JIT has compiled the listing equally far for each size; without this the smaller size is
#          timed half-compiled and the scaling looks better than it is.
#   one    the median of WARM GET /batches/1 (after 50 untimed): one batch described, the floor of any
#          round trip.
#
# The warm requests are interleaved: each round asks every service for its list and for Batch(1), one
# after another on kept-alive connections, so the sizes share the same moments of machine load and their
# ratios are fair even when the absolute times swing.
#
# Every list answer must be a JSON array of Batch(1)..Batch(N) in order, each with the id and source read
# from its metadata (warm answers must have the checked cold answer's length); every answer must be a 200.
# Anything else stops the script with a non-zero exit. Temporary roots and services are removed on exit.
#
# How to read it: shared machines are noisy, so compare ratios, not milliseconds. "warm(b) / warm(a)"
# next to the growth in N shows the scaling between two sizes: linear when the two are equal, which a
# flat "warm µs/batch" column says too; a ratio well above the growth is worse than linear. A small size
# carries a fixed per-request cost, so between 1,000 and 10,000 a ratio somewhat below 10 is normal.
# "cold / warm" is what the summary cache saves. "warm list / GET /batches/1" is how many single round
# trips a full list costs. The summary rows are medians over RUNS, and ratios are taken between them.
#
# Environment: SIZES (default "1000 10000"), RUNS (default 3), WARM (timed requests per median, default
# 20), WARMUP_BATCHES (default 200000), JAR (default target/quarkus-app/quarkus-run.jar), JAVA (default
# java), JAVA_OPTS (default -Xmx256m, for each service), TMPDIR (where the roots go: writing them is
# bound by the kernel's file creation, so TMPDIR=/dev/shm makes 10,000 batches in about a second instead
# of 10 to 20 s on a busy disk). Needs bash, coreutils, findutils (xargs -d), awk (mawk or gawk) and
# curl; python3 and jq are not used.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
export LC_ALL=C

SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-3}
WARM=${WARM:-20}
WARMUP_BATCHES=${WARMUP_BATCHES:-200000}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
STARTUP_LIMIT_S=60    # a service that is not ready by then counts as failed
REQUEST_LIMIT_S=30    # per request; a warm list of 10,000 batches takes 0.05 to 0.3 s here
STOP_LIMIT_S=40       # requests in flight may take 30 s after SIGTERM

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
template="$project/Original/Batch(0)"
jar=${JAR:-"$project/target/quarkus-app/quarkus-run.jar"}

fail() {
    echo "list-batches: $*" >&2
    exit 1
}

[[ -f $jar ]] || fail "missing $jar: run ./mvnw -B package -DskipTests first"
[[ -d $template ]] || fail "missing template $template"
command -v curl > /dev/null || fail "curl is required"
for size in $SIZES; do
    [[ $size =~ ^[1-9][0-9]*$ ]] || fail "SIZES holds '$size', not a batch count"
done
for count in "$RUNS" "$WARM" "$WARMUP_BATCHES"; do
    [[ $count =~ ^[1-9][0-9]*$ ]] || fail "RUNS, WARM and WARMUP_BATCHES must be positive integers"
done
SIZES=$(tr -s ' ' '\n' <<< "$SIZES" | sed '/^$/d' | sort -n | uniq | paste -sd ' ')
[[ -n $SIZES ]] || fail "SIZES is empty"

# shellcheck disable=SC2206 # JAVA_OPTS is split into flags on purpose
service=("$JAVA" $JAVA_OPTS -jar "$jar")
http=(curl -sS --noproxy '*' --max-time "$REQUEST_LIMIT_S")

work=$(mktemp -d "${TMPDIR:-/tmp}/list-batches.XXXXXX")
declare -A pid_of=() port_of=()    # the running service of each size
declare -A cold_of=() bytes_of=()  # per size, in the current run: first list in ms, its length in bytes
cleanup() {
    local pid
    for pid in "${pid_of[@]}"; do
        kill -KILL "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

millis() { echo $(( $(date +%s%N) / 1000000 )); }

# The median of the numbers on standard input, one a line.
median() {
    sort -g | awk '
        { values[NR] = $1 }
        END {
            if (NR == 0) exit 1
            if (NR % 2) print values[(NR + 1) / 2]; else print (values[NR / 2] + values[NR / 2 + 1]) / 2
        }'
}

# Writes Batch(1..count) into root. Folders come first, in a few mkdir calls; then one awk process writes
# every file. The metadata matches what JsonFiles writes: Jackson's pretty printer, keys in record order,
# an ISO-8601 instant with nine fraction digits (the last never 0, so Jackson would print all nine),
# no newline at the end. Numbers and times are fixed; ids are random but the same for a given count.
make_root() {
    local root=$1 count=$2
    mkdir -p "$root"
    cp -R "$template" "$root/"
    awk -v count="$count" 'BEGIN {
        for (n = 1; n <= count; n++) {
            printf "Batch(%d)/ConfigurationPlotSpec(%d)/PlotSpecs\nBatch(%d)/Results(%d)\n", n, n, n, n
        }
    }' | (cd "$root" && xargs -d '\n' mkdir -p)
    (cd "$root" && awk -v count="$count" '
        # An epoch second as ISO-8601 date and time, UTC (days to civil date, proleptic Gregorian).
        function iso(epoch,   days, secs, z, era, doe, yoe, year, doy, mp, day, month) {
            days = int(epoch / 86400)
            secs = epoch - days * 86400
            z = days + 719468
            era = int(z / 146097)
            doe = z - era * 146097
            yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
            year = yoe + era * 400
            doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
            mp = int((5 * doy + 2) / 153)
            day = doy - int((153 * mp + 2) / 5) + 1
            month = mp < 10 ? mp + 3 : mp - 9
            if (month <= 2) year++
            return sprintf("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                int(secs / 3600), int(secs % 3600 / 60), secs % 60)
        }
        function hex(digits) { return sprintf("%0" digits "x", int(rand() * 16 ^ digits)) }
        function uuid() {
            return hex(4) hex(4) "-" hex(4) "-4" hex(3) "-" sprintf("%x", 8 + int(rand() * 4)) hex(3) "-" \
                hex(4) hex(4) hex(4)
        }
        function write(path, text) {
            printf "%s", text > path
            close(path)
        }
        BEGIN {
            srand(count)
            first = 1767600000    # 2026-01-05T08:00:00Z; batch n is made 37 s after batch n - 1
            for (n = 1; n <= count; n++) {
                folder = "Batch(" n ")"
                spec = folder "/ConfigurationPlotSpec(" n ")"
                write(spec "/U_configurations(" n ").py", "SCENARIO = " n "\nYEARS = range(2025, 2051)\n")
                write(spec "/PlotSpecs/PlotSpec(" n ").json",
                    "{\"title\": \"Scenario " n "\", \"unit\": \"EUR\"}\n")
                created = sprintf("%s.%09dZ", iso(first + 37 * n), (n * 7919) % 100000000 * 10 + 1)
                by = n % 3 == 0 ? "\"bench\"" : "null"
                write(folder "/.batch.json", "{\n  \"id\" : \"" uuid() "\",\n  \"number\" : " n ",\n" \
                    "  \"createdAt\" : \"" created "\",\n  \"createdBy\" : " by ",\n" \
                    "  \"source\" : \"template:default\"\n}")
            }
        }')
}

# Starts the service on root-<size> without waiting for it; sets port_of[size] and pid_of[size].
start_service() {
    local size=$1 run=$2 port
    port=$(free_port) || fail "no free port found on 127.0.0.1"
    BATCH_ROOT="$work/root-$size" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
        QUARKUS_SHUTDOWN_DELAY_ENABLED=false "${service[@]}" > "$work/service-$size-$run.log" 2>&1 &
    pid_of[$size]=$!
    port_of[$size]=$port
}

wait_ready() {
    local size=$1 run=$2 started
    started=$(millis)
    until [[ $("${http[@]}" -o /dev/null -w '%{http_code}' --max-time 1 \
            "http://127.0.0.1:${port_of[$size]}/q/health/ready" 2> /dev/null || true) == 200 ]]; do
        if ! kill -0 "${pid_of[$size]}" 2> /dev/null; then
            tail -n 20 "$work/service-$size-$run.log" >&2
            fail "the service on $size batches exited during startup; its log is above"
        fi
        if (( $(millis) - started > STARTUP_LIMIT_S * 1000 )); then
            tail -n 20 "$work/service-$size-$run.log" >&2
            fail "the service on $size batches was not ready after $STARTUP_LIMIT_S s; its log is above"
        fi
        sleep 0.05
    done
}

# SIGTERM to every service, then waits for each; one still running after STOP_LIMIT_S is killed.
stop_services() {
    local size stopping
    for size in "${!pid_of[@]}"; do
        kill -TERM "${pid_of[$size]}" 2> /dev/null || true
    done
    stopping=$(millis)
    for size in "${!pid_of[@]}"; do
        while kill -0 "${pid_of[$size]}" 2> /dev/null; do
            if (( $(millis) - stopping > STOP_LIMIT_S * 1000 )); then
                echo "list-batches: still running $STOP_LIMIT_S s after SIGTERM; killed" >&2
                kill -KILL "${pid_of[$size]}" 2> /dev/null || true
            fi
            sleep 0.05
        done
        wait "${pid_of[$size]}" 2> /dev/null || true
        unset "pid_of[$size]"
    done
}

# Fails unless the file is a JSON array listing Batch(1) to Batch(count) in order, all with metadata.
check_list() {
    local file=$1 count=$2
    [[ $(head -c 1 "$file") == "[" && $(tail -c 1 "$file") == "]" ]] ||
        fail "GET /batches did not answer a JSON array: $(head -c 200 "$file")"
    grep -o '"number":[0-9]*' "$file" | awk -F: -v count="$count" '
        $2 != NR { exit 1 }
        END { exit NR != count }' ||
        fail "GET /batches did not list Batch(1) to Batch($count) in order"
    if grep -Eq '"id":null|"source":"unknown"' "$file"; then
        fail "GET /batches shows batches without metadata: the generated .batch.json was not accepted"
    fi
}

# Fails unless GET /batches/1 answers 200 with Batch(1); the four calls after it warm up the HTTP path.
check_one() {
    local size=$1 base="http://127.0.0.1:${port_of[$1]}" status
    status=$("${http[@]}" -o "$work/one.json" -w '%{http_code}' "$base/batches/1") || status=failed
    if [[ $status != 200 ]] || ! grep -q '^{"number":1,' "$work/one.json"; then
        fail "GET /batches/1 on $size batches answered $status: $(head -c 200 "$work/one.json")"
    fi
    for _ in 1 2 3 4; do
        "${http[@]}" -o /dev/null "$base/batches/1" || fail "GET /batches/1 on $size batches failed"
    done
}

# The first GET /batches of one service, checked; sets cold_of[size] (ms) and bytes_of[size].
cold_list() {
    local size=$1 line
    line=$("${http[@]}" -o "$work/list.json" -w '%{http_code} %{time_total}' \
        "http://127.0.0.1:${port_of[$size]}/batches") || fail "the first GET /batches on $size batches failed"
    [[ ${line%% *} == 200 ]] || fail "the first GET /batches on $size batches answered ${line%% *}"
    check_list "$work/list.json" "$size"
    cold_of[$size]=$(awk '{ print $2 * 1000 }' <<< "$line")
    bytes_of[$size]=$(wc -c < "$work/list.json")
}

# Untimed: lists until the service has listed WARMUP_BATCHES summaries in all, then 50 GET /batches/1, so
# the JIT has compiled the listing path equally far for every size before anything warm is timed.
warm_up() {
    local size=$1 url="http://127.0.0.1:${port_of[$1]}" requests="$work/requests.curl" lists
    lists=$(( (WARMUP_BATCHES + size - 1) / size ))
    {
        for _ in $(seq 1 "$lists"); do printf 'url = "%s/batches"\noutput = "/dev/null"\n' "$url"; done
        for _ in $(seq 1 50); do printf 'url = "%s/batches/1"\noutput = "/dev/null"\n' "$url"; done
    } > "$requests"
    "${http[@]}" -w '%{http_code}\n' --config "$requests" > "$work/codes" ||
        fail "warming up $size batches failed"
    if grep -qv '^200$' "$work/codes"; then
        fail "warming up $size batches: answers $(sort "$work/codes" | uniq -c | paste -sd ' ')"
    fi
}

# WARM rounds; each round sends GET /batches then GET /batches/1 to every service in turn, so all sizes
# share the same moments of machine load. One curl process keeps one connection per service open.
# Prints "url status bytes seconds" per request.
warm_rounds() {
    local requests="$work/requests.curl" size
    for _ in $(seq 1 "$WARM"); do
        for size in $SIZES; do
            printf 'url = "http://127.0.0.1:%s/batches"\noutput = "/dev/null"\n' "${port_of[$size]}"
            printf 'url = "http://127.0.0.1:%s/batches/1"\noutput = "/dev/null"\n' "${port_of[$size]}"
        done
    done > "$requests"
    "${http[@]}" -w '%{url_effective} %{http_code} %{size_download} %{time_total}\n' --config "$requests" ||
        fail "a warm request failed"
}

# The median in ms of the requests to url in warm_rounds' output; fails unless each is a 200 and, when
# bytes is given, exactly that long (the same answer as the checked cold list).
median_ms() {
    local lines=$1 url=$2 bytes=${3:-}
    awk -v url="$url" -v bytes="$bytes" '
        $1 != url { next }
        $2 != 200 || (bytes != "" && $3 != bytes) { print url " answered " $2 " with " $3 " bytes"; exit 1 }
        ' "$lines" >&2 || fail "a warm request went wrong"
    awk -v url="$url" '$1 == url { print $4 * 1000 }' "$lines" | median
}

# One run: every size served at once by its own fresh service. Appends "size run cold warm one" (ms)
# to $results.
measure_run() {
    local run=$1 size base warm one
    port_of=()
    for size in $SIZES; do start_service "$size" "$run"; done
    for size in $SIZES; do wait_ready "$size" "$run"; done
    for size in $SIZES; do check_one "$size"; done
    for size in $SIZES; do cold_list "$size"; done
    for size in $SIZES; do warm_up "$size"; done
    warm_rounds > "$work/lines"
    stop_services

    for size in $SIZES; do
        base="http://127.0.0.1:${port_of[$size]}"
        warm=$(median_ms "$work/lines" "$base/batches" "${bytes_of[$size]}")
        one=$(median_ms "$work/lines" "$base/batches/1")
        echo "$size $run ${cold_of[$size]} $warm $one" >> "$results"
    done
}

# One table row from "size run cold warm one" (ms); the µs column is derived from warm and size.
print_row() {
    printf '%-8s %-6s %9.1f %9.2f %15.2f %18.2f\n' "$1" "$2" "$3" "$4" \
        "$(awk -v ms="$4" -v n="$1" 'BEGIN { print ms * 1000 / n }')" "$5"
}

print_ratio() {    # label value note
    printf '  %-34s %7s   %s\n' "$@"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

results="$work/results.txt"
: > "$results"
for size in $SIZES; do
    started=$(millis)
    make_root "$work/root-$size" "$size"
    echo "wrote $size batches in $(( $(millis) - started )) ms"
done
echo

# "µ" is two bytes and printf pads bytes, so that column is one wider in the header.
printf '%-8s %-6s %9s %9s %16s %18s\n' N run "cold ms" "warm ms" "warm µs/batch" "GET /batches/1 ms"
for run in $(seq 1 "$RUNS"); do
    measure_run "$run"
    for size in $SIZES; do
        read -r -a row < <(awk -v n="$size" -v run="$run" '$1 == n && $2 == run' "$results")
        print_row "${row[@]}"
    done
done

echo
declare -A cold warm one
for size in $SIZES; do
    cold[$size]=$(awk -v n="$size" '$1 == n { print $3 }' "$results" | median)
    warm[$size]=$(awk -v n="$size" '$1 == n { print $4 }' "$results" | median)
    one[$size]=$(awk -v n="$size" '$1 == n { print $5 }' "$results" | median)
    print_row "$size" median "${cold[$size]}" "${warm[$size]}" "${one[$size]}"
done

echo
echo "ratios between the medians"
previous=
for size in $SIZES; do
    if [[ -n $previous ]]; then
        print_ratio "warm($size) / warm($previous)" "$(ratio "${warm[$size]}" "${warm[$previous]}")" \
            "N grew $(ratio "$size" "$previous")x; linear scaling gives the same number"
    fi
    previous=$size
done
large=$previous
print_ratio "cold / warm at $large" "$(ratio "${cold[$large]}" "${warm[$large]}")" \
    "what the summary cache saves"
print_ratio "warm list / GET /batches/1 at $large" "$(ratio "${warm[$large]}" "${one[$large]}")" \
    "a full list, counted in single-batch round trips"
