#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/fuzz_targets/, docs/fuzzing.md), each for a bounded time.
#
#   scripts/fuzz.sh SECONDS [TARGET...]     every target when none is named
#
# libFuzzer (the libfuzzer-sys crate) on the STABLE toolchain, without cargo-fuzz: cargo-fuzz
# insists on nightly, but what it adds to a build (SanitizerCoverage's instrumentation, through
# `-Cpasses=sancov-module` and `-Cllvm-args`) is stable rustc; we pass no sanitizer (the project
# has no `unsafe`; panics, overflow checks and debug assertions are what finds its bugs). The
# targets are built in release into target/fuzz-build/ (the first build takes a few minutes),
# then each runs for SECONDS from its seeds (fuzz/corpus/<target>/, in the repository:
# fixtures, their main.py, share links, saved values) plus what earlier runs found
# (target/fuzz/corpus/<target>/, outside git). Prints each target's executions and their rate.
# A crash (a panic, or a law a target asserts) makes the script exit with status 1 and leaves
# the input in target/fuzz/artifacts/<target>/; reproduce it with
# `target/fuzz-build/<host>/release/<target> FILE`, then make it a plain `cargo test`
# (docs/fuzzing.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
host=$(rustc -vV | sed -n 's/^host: //p')
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_stack share_decode saved_code read_python edit lab_file)
# The flags cargo-fuzz passes (less its sanitizer). `--target` keeps them off build scripts
# and proc macros, which are not linked with libFuzzer.
RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks" \
  cargo build --locked -q --release --manifest-path "$here/fuzz/Cargo.toml" --target "$host" \
  --target-dir "$here/target/fuzz-build" --bins
status=0
for t in "${targets[@]}"; do
  corpus="$here/target/fuzz/corpus/$t" artifacts="$here/target/fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="$here/target/fuzz/$t.log"
  # The fixtures are seeds too, read where they are kept: each stack.json for load_stack,
  # each main.py for read_python (libFuzzer takes folders, so links to them in one).
  fixtures="$here/target/fuzz/fixtures/$t"
  rm -rf "$fixtures" && mkdir -p "$fixtures"
  case "$t" in
    load_stack) file=stack.json ;;
    read_python) file=main.py ;;
    *) file= ;;
  esac
  if [ -n "$file" ]; then
    for f in "$here"/tests/fixtures/*/"$file"; do ln -s "$f" "$fixtures/$(basename "$(dirname "$f")")-$file"; done
  fi
  # The labs (the course's, the teacher's of the tests) for the lab file reader.
  if [ "$t" = lab_file ]; then
    for f in "$here"/labs/*.json "$here"/tests/labs/*.json; do ln -s "$f" "$fixtures/$(basename "$(dirname "$f")")-$(basename "$f")"; done
  fi
  if "$here/target/fuzz-build/$host/release/$t" "$corpus" "$here/fuzz/corpus/$t" "$fixtures" \
      -max_total_time="$seconds" -timeout=10 -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    echo "fuzz $t: ${runs:-?} executions in ${seconds}s ($(( ${runs:-0} / seconds ))/s), ${cov:-cov: ?} edges, corpus $(ls "$corpus" | wc -l) + $(ls "$here/fuzz/corpus/$t" "$fixtures" | grep -vc -e '^$' -e ':$') seeds"
  else
    status=1
    echo "FAIL fuzz $t: a crash; the input is in $artifacts/ (log: $log):" >&2
    grep -m 1 -A 12 "panicked at\|ERROR: libFuzzer" "$log" >&2 || tail -n 30 "$log" >&2
  fi
done
exit $status
