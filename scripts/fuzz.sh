#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer, in build/fuzz) and runs them (docs/fuzzing.md).
#
#   scripts/fuzz.sh                         the CI run: every harness first runs every file of
#                                           its seed corpus once (regressions: crashers found
#                                           before), then a fixed number of new inputs from a
#                                           fixed seed (-runs, -seed: the same work each time)
#   scripts/fuzz.sh --long SECONDS [NAME..] the long run: each harness (or those named, e.g.
#                                           cohort capi) fuzzes for SECONDS, its corpus kept in
#                                           build/fuzz/long/NAME across runs
#   scripts/fuzz.sh --build-only            only builds
#
# Installs clang and libFuzzer with apt-get when they are missing (the library's own
# dependencies come from scripts/setup.sh, which scripts/test.sh runs first). A crash,
# timeout, leak or out-of-memory fails the run; the input is saved as
# build/fuzz/artifacts/NAME/crash-… (or timeout-…, oom-…, leak-…) and the end of the
# harness's log is printed.
# Environment: SMART_JOBS (build jobs, default 2), SMART_FUZZ_RUNS_SCALE (multiplies the
# CI runs, default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${SMART_JOBS:-2}"
build="$root/build/fuzz"
corpus="$root/tests/fuzz/corpus"
dict="$root/tests/fuzz/json.dict"

mode=ci
seconds=0
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --long) mode=long; seconds="${2:?--long needs a number of seconds}"; shift 2 ;;
    --build-only) mode=build; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) selected+=("$1"); shift ;;
  esac
done

# Each harness: its CI runs, its -max_len, and its seed directories (read-only; the
# examples are used where they lie). The runs are set so that all harnesses together take
# about two minutes on two shared cores (docs/fuzzing.md has the measured times).
all=(programme cohort participant capi keys credential register did status_list xlsx csv)
declare -A runs=([programme]=80000 [cohort]=80000 [participant]=120000 [capi]=4000 [keys]=100000 [credential]=30000
                 [register]=60000 [did]=60000 [status_list]=1500 [xlsx]=20000 [csv]=40000)
declare -A max_len=([programme]=24000 [cohort]=16000 [participant]=4096 [capi]=16000 [keys]=1024 [credential]=8192
                    [register]=16384 [did]=4096 [status_list]=8192 [xlsx]=8192 [csv]=8192)
declare -A seeds=(
  [programme]="$corpus/programme $corpus/json $root/examples/programmes"
  [cohort]="$corpus/cohort $corpus/json $root/examples/cohorts"
  [participant]="$corpus/participant $corpus/json"
  [capi]="$corpus/capi"
  [keys]="$corpus/keys $corpus/json"
  [credential]="$corpus/credential"
  [register]="$corpus/register $corpus/json"
  [did]="$corpus/did $corpus/json"
  [status_list]="$corpus/status_list $corpus/json"
  [xlsx]="$corpus/xlsx"
  [csv]="$corpus/csv"
)
[ ${#selected[@]} -gt 0 ] || selected=("${all[@]}")
for h in "${selected[@]}"; do
  [ -n "${runs[$h]:-}" ] || { echo "fuzz.sh: no harness '$h' (known: ${all[*]})" >&2; exit 2; }
done

# --- clang and libFuzzer -----------------------------------------------------------------
apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "fuzz: installing Debian packages: $*"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}
libfuzzer_links() {
  local probe
  probe="$(mktemp -d)"
  printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe/p.cpp"
  clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1
  local rc=$?
  rm -rf "$probe"
  return $rc
}
command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1 || apt_install clang
if ! libfuzzer_links; then
  # Debian 12: libFuzzer and the sanitizer runtimes are in libclang-rt-<major>-dev
  apt_install "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
  libfuzzer_links || { echo "fuzz: clang cannot link -fsanitize=fuzzer" >&2; exit 1; }
fi

# --- build ---------------------------------------------------------------------------------
start=$SECONDS
# -O1 with line tables: fast enough to fuzz, quick to build, stacks with file:line.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
  -DSMART_BUILD_FUZZERS=ON -DSMART_SANITIZE=fuzzer-no-link,address,undefined \
  -DSMART_BUILD_BENCH=OFF -DSMART_BUILD_EXAMPLES=OFF -DSMART_BUILD_PYTHON=OFF >/dev/null
cmake --build "$build" --target smart_fuzzers fuzz_make_seeds -j"$jobs" >"$build/build.log" 2>&1 ||
  { tail -50 "$build/build.log"; exit 1; }
echo "fuzz: harnesses built in $((SECONDS - start)) s"
[ "$mode" != build ] || exit 0
# the reproducers too large for the repository (tests/fuzz/make_seeds.cpp --large)
rm -rf "$build/large"
"$build/tests/fuzz/fuzz_make_seeds" --large "$build/large"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
common=(-timeout=10 -rss_limit_mb=2048 -dict="$dict" -print_final_stats=1)
failed=()
scale="${SMART_FUZZ_RUNS_SCALE:-1}"

report_failure() {  # name, phase, log
  failed+=("$1 ($2)")
  echo "fuzz: $1: FAILED in the $2 — the end of $3:" >&2
  grep -v '^#[0-9]' "$3" | tail -60 >&2
}

total_start=$SECONDS
for h in "${selected[@]}"; do
  bin="$build/tests/fuzz/fuzz_$h"
  art="$build/artifacts/$h"
  logs="$build/logs"
  mkdir -p "$art" "$logs"
  read -r -a dirs <<<"${seeds[$h]}"
  h_start=$SECONDS

  # 1. regressions: every seed file once, in full (the fuzzing phase cuts inputs at -max_len),
  # with the large reproducers. After a failing file the rest still run, so every failing
  # file is named.
  files=()
  for d in "${dirs[@]}" "$build/large/$h"; do
    [ -d "$d" ] || continue
    while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$d" -maxdepth 1 -type f -print0 | sort -z)
  done
  rest=("${files[@]}")
  seeds_failed=0
  : >"$logs/$h.seeds.log"
  while [ ${#rest[@]} -gt 0 ]; do
    if "$bin" "${common[@]}" -artifact_prefix="$art/" "${rest[@]}" >"$logs/$h.seeds.part.log" 2>&1; then
      cat "$logs/$h.seeds.part.log" >>"$logs/$h.seeds.log"
      break
    fi
    cat "$logs/$h.seeds.part.log" >>"$logs/$h.seeds.log"
    seeds_failed=$((seeds_failed + 1))
    bad="$(grep '^Running: ' "$logs/$h.seeds.part.log" | tail -1 | cut -d' ' -f2-)"
    report_failure "$h" "seed file ${bad#"$root/"}" "$logs/$h.seeds.part.log"
    # go on after the failing file
    next=()
    seen=0
    for f in "${rest[@]}"; do
      [ $seen -eq 1 ] && next+=("$f")
      [ "$f" = "$bad" ] && seen=1
    done
    [ $seen -eq 1 ] || break  # the failure named no file: stop here
    rest=("${next[@]+"${next[@]}"}")
  done
  rm -f "$logs/$h.seeds.part.log"
  if [ $seeds_failed -gt 0 ]; then
    echo "fuzz: $h: $seeds_failed seed files FAILED ($((SECONDS - h_start)) s)"
    # the CI run stops this harness here; the long run goes on (it keeps going past crashes)
    [ "$mode" = long ] || continue
  fi
  seeds_time=$((SECONDS - h_start))

  # 2. new inputs
  fuzz_start=$SECONDS
  if [ "$mode" = long ]; then
    # fork mode goes on after a crash, timeout or out-of-memory, saving each input
    work="$build/long/$h"
    mkdir -p "$work"
    before="$(find "$art" -type f | wc -l)"
    "$bin" "${common[@]}" -max_total_time="$seconds" -max_len=$((max_len[$h] * 4)) \
      -fork="${SMART_FUZZ_FORKS:-1}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -artifact_prefix="$art/" "$work" "${dirs[@]}" >"$logs/$h.long.log" 2>&1 || true
    found=$(( $(find "$art" -type f | wc -l) - before ))
    printf 'fuzz: %-12s fuzzed %d s: %d new crash/timeout/oom inputs, corpus %d\n' "$h" \
      "$((SECONDS - fuzz_start))" "$found" "$(find "$work" -type f | wc -l)"
    [ "$found" -eq 0 ] || report_failure "$h" "long run ($found inputs in $art)" "$logs/$h.long.log"
    continue
  fi
  work="$build/work/$h"
  rm -rf "$work"
  mkdir -p "$work"
  if "$bin" "${common[@]}" -seed=1 -runs=$((runs[$h] * scale)) -max_len="${max_len[$h]}" -artifact_prefix="$art/" \
       "$work" "${dirs[@]}" >"$logs/$h.log" 2>&1; then
    done_runs="$(grep -o 'Done [0-9]* runs' "$logs/$h.log" | tail -1 || true)"
    cov="$(grep -o 'cov: [0-9]* ft: [0-9]*' "$logs/$h.log" | tail -1 || true)"
    printf 'fuzz: %-12s %3d files in %3d s; %s in %3d s (%s, corpus %d)\n' "$h" "${#files[@]}" "$seeds_time" \
      "${done_runs:-?}" "$((SECONDS - fuzz_start))" "${cov:-?}" "$(find "$work" -type f | wc -l)"
  else
    report_failure "$h" "fuzzing" "$logs/$h.log"
    echo "fuzz: $h: FAILED after $((SECONDS - h_start)) s"
  fi
done
echo "fuzz: ran ${#selected[@]} harnesses in $((SECONDS - total_start)) s"

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  echo "fuzz: inputs in $build/artifacts/; reproduce with $build/tests/fuzz/fuzz_NAME FILE" >&2
  exit 1
fi
echo "fuzz: all harnesses passed"
