# shellcheck shell=bash
# Shared settings for the project's scripts. Sourced, never run.
#
# Native and wasm builds use different compilers here (rustup's for native, Debian's
# rustc-web for wasm when rustup cannot fetch the wasm32 std), so each keeps its own
# target directory: sharing one would make each build invalidate the other's cache.
# Both live outside the clone so CI on the same machine reuses compiled std and deps.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${STEPGUIDE_CACHE:-$HOME/.cache/stepguide}"
export NATIVE_TARGET_DIR="${NATIVE_TARGET_DIR:-$CACHE/target-native}"
export WASM_TARGET_DIR="${WASM_TARGET_DIR:-$CACHE/target-wasm}"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Which checkout builds: the target directories above are shared between checkouts, and
# build.rs reruns (so the crate is rebuilt) when this changes. Without it, cargo could take
# this checkout's crate for fresh after a build of another one, by file times alone.
export STEPGUIDE_CHECKOUT="$ROOT"
# Pinned tool versions. wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' "$ROOT/Cargo.lock")"

# wasm-opt's settings, as Trunk runs it for the widget, for the wasm built outside Trunk (the
# build without a guide reader, the benchmark's Yew floor). The features are those the module
# declares in its target_features section, which wasm-opt reads anyway (the output is the
# same, byte for byte, with and without them). The passes after -Oz are index.html's
# data-wasm-opt-params, read from there so that the builds cannot drift apart: `--converge`
# runs -Oz's passes again until the module stops shrinking, and the producers and
# target_features sections are for tools, not browsers (together 0.9 KB brotli off the build
# without a reader, for about 5 s of build time).
read -r -a WASM_OPT_PASSES <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$ROOT/index.html")"
WASM_OPT_ARGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  "${WASM_OPT_PASSES[@]}")

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# True when rustup itself has the wasm32 standard library.
rustup_has_wasm() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# Which way the wasm32 std comes: "rustup" (prebuilt) or "build-std" (Debian's rustc-web,
# std built from source with the immediate-abort panic strategy). The two make wasm of
# different sizes, so the byte budget has an entry for each.
wasm_route() {
  if rustup_has_wasm; then echo rustup; else echo build-std; fi
}

# Runs a command with the environment a wasm32 cargo build needs. Where rustup has the
# wasm32 target it is used as is; otherwise Debian's rustc-web builds std from source.
wasm_env() {
  if rustup_has_wasm; then
    CARGO_TARGET_DIR="$WASM_TARGET_DIR" "$@"
  else
    PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc CARGO=/usr/bin/cargo RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/bin/wasm-ld-19 \
      CARGO_TARGET_DIR="$WASM_TARGET_DIR" "$@"
  fi
}

# The release wasm's stack. Rust's default for wasm32 is 1 MiB, which was most of an idle
# widget's memory; the deepest the widget's stack has gone is about 15 KB (a guide read,
# checked and walked to its end; tests/e2e/embed.test.mjs measures it on every run and fails
# past half of this). A wasm stack that overflows is not caught: it writes over the data
# below it, so the margin is wide.
WASM_STACK_BYTES=131072

# Like wasm_env, for release builds, with the stack above. Where std is built from source
# anyway, build it with the immediate-abort panic strategy, which drops the panic-message
# machinery (about 8 KB of brotli here), and without panic locations (source paths nobody
# would see: 0.6 KB). Panics are bugs, never outside data, so a bare trap loses nothing a
# user sees.
wasm_release_env() {
  local stack="-Clink-arg=-zstack-size=$WASM_STACK_BYTES"
  if rustup_has_wasm; then
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$stack" wasm_env "$@"
  else
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $stack" wasm_env "$@"
  fi
}
