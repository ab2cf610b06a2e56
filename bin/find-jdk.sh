# Sourced by ./mvnw and bin/*: sets JAVA_HOME to a JDK of version 21 or later.
# Order: JAVA_HOME when it is new enough, then the newest JDK under /usr/lib/jvm,
# else stop and say what to install.

jtwisted_java_major() {
  # Prints the major version of the JDK at $1, or nothing when it is not a JDK. Reads the JDK's
  # release file (JAVA_VERSION="25.0.3"), which costs nothing; starts that java only when there is
  # none: a JVM start per candidate would add tenths of a second to every bin/ command.
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
    if [ -n "$major" ]; then echo "$major"; return 0; fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

jtwisted_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jtwisted_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then return 0; fi
  fi
  best="" best_major=0
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    major=$(jtwisted_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "JTwisted needs a JDK 21 or later. Set JAVA_HOME to one, or install one" >&2
    echo "(on Debian: apt-get install openjdk-21-jdk-headless, or any JDK >= 21 under /usr/lib/jvm)." >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

jtwisted_find_jdk
