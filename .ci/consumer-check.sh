#!/usr/bin/env bash
# Builds a project outside this build against the installed artifacts, using only what the docs
# say: the pom.xml and first test of docs/using-jtwisted.md, taken from the page itself.
# Run after `./mvnw install -DskipTests`. Maven is this repository's wrapper (it finds a JDK >= 21).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)
if grep -o '<version>[^<]*</version>' "$root/bom/pom.xml" | grep -vq "<version>$version</version>"; then
  echo "consumer-check: bom/pom.xml names a version other than the build's $version" >&2; exit 1
fi
for page in README.md docs/using-jtwisted.md; do
  grep -q "<version>$version</version>" "$root/$page" ||
    { echo "consumer-check: $page does not name the build's version $version" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
block() { # the fenced block that follows the marker line <!-- $1 --> in docs/using-jtwisted.md
  awk -v marker="<!-- $1 -->" '
    $0 == marker { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$root/docs/using-jtwisted.md"
}
block consumer-pom > "$work/pom.xml"
mkdir -p "$work/src/test/java/demo"
block consumer-test > "$work/src/test/java/demo/EchoTest.java"
[ -s "$work/pom.xml" ] && [ -s "$work/src/test/java/demo/EchoTest.java" ] || { echo "consumer-check: the blocks of docs/using-jtwisted.md were not found" >&2; exit 1; }
"$root/mvnw" -q -f "$work/pom.xml" test
grep -q 'tests="1"' "$work"/target/surefire-reports/TEST-demo.EchoTest.xml ||
  { echo "consumer-check: the page's test did not run" >&2; exit 1; }
echo "consumer-check: a project made of docs/using-jtwisted.md's pom.xml and test compiles and passes against the installed artifacts"
