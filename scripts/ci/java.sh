#!/usr/bin/env bash
# A Java runtime for the Spark tests (pytest -m spark): PySpark starts a JVM.
# Idempotent: returns at once when java is on PATH. Debian's default-jre-headless
# is Java 17 on bookworm, which PySpark 4 needs.
set -euo pipefail

if command -v java >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "java.sh: not root; install Debian's default-jre-headless to run the Spark tests" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
java -version
