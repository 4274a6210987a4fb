# Sourced by ./provider-api and ./provider-api-ops: rebuild a launcher's jar when it is stale, one build at a time.
#
#   build_when_stale <what> <jar> <module> <exit code on failure> <input>...
#
# The jar is stale when it is missing, when the parent pom changed outside its <modules> list (`provider-api new`
# adds a module there, which changes no jar, so it must not cost a rebuild), or when any input (the main sources,
# resources and poms of the modules `-pl <module> -am` puts into the jar) is newer than it. Two launchers started
# at once build once: the second waits on a lock and then finds the jar fresh. Needs $root (the checkout).

# The parent pom without its <modules> list.
pom_key() {
  sed -e '/<modules>/,/<\/modules>/d' "$root/pom.xml" | cksum
}

# True when the jar is missing or out of date (see above). $1 jar, $2 stamp, then the inputs.
jar_stale() {
  local jar="$1" stamp="$2"
  shift 2
  [[ ! -f "$jar" ]] && return 0
  [[ -f "$stamp" && "$(cat "$stamp")" == "$(pom_key)" ]] || return 0
  local newer
  newer="$(cd "$root" && find "$@" -name target -prune -o -type f -newer "$jar" -print -quit 2>/dev/null)"
  [[ -n "$newer" ]]
}

build_when_stale() {
  local what="$1" jar="$2" module="$3" failure="$4"
  shift 4
  local target stamp lock locking rel
  target="$(dirname "$jar")"
  stamp="$jar.pom.key"
  rel="${jar#"$root"/}"
  jar_stale "$jar" "$stamp" "$@" || return 0
  mkdir -p "$target"
  lock="$target/.provider-api-build.lock"
  if command -v flock >/dev/null 2>&1; then
    locking=flock
    exec 9>"$lock"
    if ! flock -n 9; then
      echo "provider-api: another provider-api is building $what; waiting for it..." >&2
      flock 9
    fi
  else
    locking=dir
    # No flock (macOS): a directory is created atomically; one left by a killed launcher is taken over.
    local holder waited=""
    until mkdir "$lock.d" 2>/dev/null; do
      holder="$(cat "$lock.d/pid" 2>/dev/null || true)"
      if [[ -n "$holder" ]] && ! kill -0 "$holder" 2>/dev/null; then
        rm -rf "$lock.d"
        continue
      fi
      [[ -n "$waited" ]] || echo "provider-api: another provider-api is building $what; waiting for it..." >&2
      waited=1
      sleep 1
    done
    echo $$ >"$lock.d/pid"
    trap 'rm -rf "$lock.d"' EXIT
  fi
  if jar_stale "$jar" "$stamp" "$@"; then
    echo "provider-api: building $what ($rel)..." >&2
    # package, not install: the jar is used in place and ~/.m2 stays untouched by this project. Some Maven
    # builds print colour resets even in quiet batch mode; strip them so only real messages show.
    # shellcheck disable=SC2086
    if ! (cd "$root" && mvn -q -B -Dstyle.color=never ${PROVIDER_API_MAVEN_ARGS:-} -DskipTests -pl "$module" -am package 2>&1) \
        | sed -e $'s/\x1b\\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2; then
      echo "provider-api: the build failed (see above); fix it or run: mvn -B -pl $module -am package" >&2
      exit "$failure"
    fi
    # A build that compiled nothing new may leave the jar's time stamp alone; mark it fresh so we do not rebuild.
    touch "$jar"
    pom_key >"$stamp"
  fi
  if [[ "$locking" == dir ]]; then
    rm -rf "$lock.d"
    trap - EXIT
  else
    flock -u 9
    exec 9>&-
  fi
}
