#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a result:
#   tools/bootstrap.sh run    install what is missing, build (Release), run the baseline into runs/baseline
#   tools/bootstrap.sh test   install what is missing, build (Release), run the whole test suite (CTest)
# Set HHU_BUILD_DIR to build elsewhere (default: build/), HHU_JOBS for the build's parallelism,
# HHU_SANITIZE=1 for a build with AddressSanitizer and UndefinedBehaviorSanitizer (.ci/run sanitize),
# HHU_PGO=0 for a build without profile-guided optimisation (by default hhu is first built to record a training run,
# tools/pgo_train.sh, and the model's sources are then compiled with that profile: the same results, faster).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-run}"
case "$mode" in run|test) ;; *) echo "usage: tools/bootstrap.sh run|test" >&2; exit 2 ;; esac

# python3 (standard library only): the data builders tools/build_*.py and their test tools/check_data.py;
# zlib1g-dev: gzip-compressed CSV (--gzip);
# chromium: the test of hhu report renders the policy brief headless (screenshot, page text, PDF)
packages=(g++ cmake ninja-build pkg-config libsfml-dev libimgui-dev libtbb-dev libeigen3-dev
          nlohmann-json3-dev doctest-dev librandom123-dev libcli11-dev fonts-dejavu-core
          xvfb xauth libgl1-mesa-dri openmpi-bin libopenmpi-dev python3 zlib1g-dev chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=120 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=120 install -y -qq \
    --no-install-recommends "${missing[@]}"
fi

build="${HHU_BUILD_DIR:-build}"
cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=Release)
if [ "${HHU_SANITIZE:-0}" = 1 ]; then
  # .ci/run sanitize: AddressSanitizer and UndefinedBehaviorSanitizer; without the viewer, whose
  # OpenGL and X libraries are not built with them.
  sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHHU_BUILD_VIEWER=OFF
              "-DCMAKE_CXX_FLAGS=$sanitize" "-DCMAKE_C_FLAGS=$sanitize"
              "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
fi
jobs="${HHU_JOBS:-$(nproc)}"
case "${HHU_PGO:-1}" in 0|1) ;; *) echo "HHU_PGO is '$HHU_PGO': expected 1 (profile-guided build, the default) or 0" >&2; exit 2 ;; esac
if [ "${HHU_PGO:-1}" = 1 ] && [ "${HHU_SANITIZE:-0}" != 1 ]; then
  # Profile-guided optimisation (sim/CMakeLists.txt): hhu built to record the training run, which writes a fresh
  # profile; the model's sources are then compiled again with it (the rest of the build is shared).
  profile="$(realpath -m "$build")/pgo-profile"
  rm -rf "$profile"
  cmake -S . -B "$build" "${cmake_args[@]}" -DHHU_PGO=generate "-DHHU_PGO_DIR=$profile" >/dev/null
  cmake --build "$build" -j "$jobs" --target hhu
  echo "training the profile-guided build (tools/pgo_train.sh)"
  bash tools/pgo_train.sh "$build/hhu"
  cmake_args+=(-DHHU_PGO=use "-DHHU_PGO_DIR=$profile")
else
  cmake_args+=(-DHHU_PGO=off)
fi
cmake -S . -B "$build" "${cmake_args[@]}" >/dev/null
cmake --build "$build" -j "$jobs"
if [ "${HHU_PGO:-1}" = 1 ] && [ "${HHU_SANITIZE:-0}" != 1 ]; then
  # A profile changes how the code is laid out, never what it computes. Checked before anything runs (the main job
  # included, which runs no tests): the baseline at scale 0.05 must give the stored summary the test suite holds every
  # build to (tests/baseline/summary_scale0.05.json; a second or so). Once, while profiles were retrained by hand after
  # reverted sources, a build gave other life tables; a fresh bootstrap gave the stored bytes again.
  check="$(mktemp -d)"
  trap 'rm -rf "$check"' EXIT
  if ! "$build/hhu" run scenarios/baseline.json --scale 0.05 -q --out "$check/baseline" --force; then
    echo "bootstrap: the profile-guided build failed to run the baseline at scale 0.05 (its check)" >&2
    exit 1
  fi
  if ! cmp -s "$check/baseline/summary.json" tests/baseline/summary_scale0.05.json; then
    echo "bootstrap: the profile-guided build's baseline at scale 0.05 differs from tests/baseline/summary_scale0.05.json" >&2
    echo "  (a model changed on purpose: tools/refresh_baseline.sh; otherwise build again with HHU_PGO=0 and report it)" >&2
    exit 1
  fi
fi

if [ "$mode" = run ]; then
  # With its state of 1 January 2025, where the library's programmes start: a scenario run beside it (--out runs/NAME)
  # starts there instead of living 2021-2024 again.
  "$build/hhu" run scenarios/baseline.json --out runs/baseline --force --save-state 2025
  echo "results: runs/baseline/{yearly.csv,summary.json,manifest.json}; its state of 1 January 2025: state_2025.bin"
else
  ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 900
fi
