#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond pip: filled in by the store and web work.
set -euo pipefail
: > .ci/test-env.sh
