#!/usr/bin/env bash
# Installs Temporal's time-skipping test server (the Java one, from Maven Central) for the timer tests.
# @temporalio/testing would download a native build from temporal.download, which is not reachable
# everywhere; Maven Central is, and the machine's Java runs the jar.
# Safe to run again: an installed version is reused. Progress goes to stderr; the last line on
# stdout is the executable to export as TEMPORAL_TEST_SERVER_PATH.
set -euo pipefail

# The newest Java SDK release when this was written. Conversations take messages as Updates, and
# test servers before 1.24.0 (1.23.2 tried) record an Update's completion but never hand its result
# to the TypeScript client, so every customer message hangs there; 1.24.0 and later answer.
readonly VERSION=1.38.0
readonly CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/temporal-test-server/$VERSION"
readonly WRAPPER="$CACHE/temporal-test-server"

log() { echo "temporal-test-server: $*" >&2; }

# A throwaway project whose only dependency is the server: Maven resolves the classpath for us.
pom="$(cat <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.open-support</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>$VERSION</version>
    </dependency>
    <!-- The server logs through SLF4J; without a binding it warns at every start. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
EOF
)"

# The stamp records which project the cache was built from, so changing the pin above reinstalls.
stamp="$(printf '%s' "$pom" | sha256sum | cut -d' ' -f1)"
if [ -x "$WRAPPER" ] && [ "$(cat "$CACHE/.installed-from" 2>/dev/null)" = "$stamp" ]; then
  echo "$WRAPPER"
  exit 0
fi

command -v java >/dev/null || { log "needs Java 17 or later (apt-get install openjdk-17-jre-headless)"; exit 1; }
command -v mvn >/dev/null || { log "needs Maven to fetch the jar and its dependencies (apt-get install maven)"; exit 1; }

staging="$(mktemp -d "${TMPDIR:-/tmp}/temporal-test-server.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
printf '%s\n' "$pom" >"$staging/pom.xml"

log "fetching io.temporal:temporal-test-server:$VERSION and its dependencies with Maven"
if ! mvn -B -f "$staging/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$staging/out/lib" >"$staging/mvn.log" 2>&1; then
  cat "$staging/mvn.log" >&2
  log "Maven could not fetch the server (is Maven Central reachable?)"
  exit 1
fi

# @temporalio/testing runs the executable as `<exe> <port> [extra args]` and kills it at teardown,
# hence `exec`. A short-lived JVM starts faster with the client compiler and the serial collector,
# which matters because the SDK gives the server five seconds to answer.
cat >"$staging/out/temporal-test-server" <<'EOF'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  -cp "$here/lib/*" io.temporal.testserver.TestServer "$@"
EOF
chmod +x "$staging/out/temporal-test-server"
printf '%s\n' "$stamp" >"$staging/out/.installed-from"

mkdir -p "$(dirname "$CACHE")"
rm -rf "$CACHE"
mv "$staging/out" "$CACHE"
log "installed in $CACHE"
echo "$WRAPPER"
