# Sourced by ./factorlab and ./run-tests: defines factorlab_find_jdk, which prints the home of a
# JDK >= 21 (JAVA_HOME first, then the newest under /usr/lib/jvm) or explains on stderr and fails.

# The feature version (17, 21, 25, ...) of the JDK at $1, read from its release file (no JVM start).
factorlab_jdk_feature() {
  local release="$1/release" version
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$release" ] || return 1
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  [ -n "$version" ] && echo "$version"
}

factorlab_find_jdk() {
  local candidate feature best="" best_feature=0
  if [ -n "${JAVA_HOME:-}" ]; then
    feature=$(factorlab_jdk_feature "$JAVA_HOME") || feature=0
    if [ "$feature" -ge 21 ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    feature=$(factorlab_jdk_feature "$candidate") || continue
    if [ "$feature" -ge 21 ] && [ "$feature" -gt "$best_feature" ]; then
      best=$candidate
      best_feature=$feature
    fi
  done
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  echo "factorlab: needs a JDK 21 or newer; none found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm/*). Install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
  return 1
}
