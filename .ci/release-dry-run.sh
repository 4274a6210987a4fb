#!/usr/bin/env bash
# A release rehearsal that uploads nothing: every published module deployed as Maven Central requires it
# (jar, sources, javadoc with zero warnings, POM metadata, GPG signatures with a throwaway key, checksums) into
# a folder, then checked file by file. The real release adds the upload: mvn -P release,central deploy.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/release-dry-run}
GNUPGHOME=$(mktemp -d); export GNUPGHOME
trap 'rm -rf "$GNUPGHOME"' EXIT
gpg --batch --quiet --passphrase '' --quick-gen-key 'provider-api release dry run <dry-run@provider-api.invalid>' \
  ed25519 sign 1d 2>/dev/null
rm -rf "$OUT"; mkdir -p "$OUT"; repo=$(cd "$OUT" && pwd)
# install is skipped: a rehearsal must not put snapshot artifacts into the shared ~/.m2
mvn -B -ntp -q -P release -DskipTests -Dmaven.install.skip=true -Dgpg.passphrase= \
  -DaltDeploymentRepository="dry-run::file://$repo" deploy
missing=0; published=0
while IFS= read -r dir; do
  artifact=$(basename "$(dirname "$dir")")
  published=$((published + 1))
  pom=$(ls "$dir"/*.pom | sort | tail -1); base=${pom%.pom}
  packaging=$(sed -n 's:^  <packaging>\(.*\)</packaging>.*:\1:p' "$pom" | head -1)
  want=("$pom" "$pom.asc" "$pom.sha1" "$pom.md5")
  if [ "${packaging:-jar}" != pom ]; then
    want+=("$base.jar" "$base.jar.asc" "$base.jar.sha1" "$base-sources.jar" "$base-sources.jar.asc" "$base-javadoc.jar" "$base-javadoc.jar.asc")
    unzip -p "$base.jar" META-INF/MANIFEST.MF | grep -q '^Automatic-Module-Name: dev\.providerapi\.' \
      || { echo "release dry run: $artifact's jar has no Automatic-Module-Name" >&2; missing=$((missing + 1)); }
  fi
  for w in "${want[@]}"; do
    [ -f "$w" ] || { echo "release dry run: $artifact lacks $(basename "$w")" >&2; missing=$((missing + 1)); }
  done
done < <(find "$repo" -name '*.pom' -printf '%h\n' | sort -u)
parent=$(find "$repo" -path '*provider-api-parent*' -name '*.pom' | sort | tail -1)
for tag in name description url licenses developers scm; do
  grep -q "<$tag>" "$parent" || { echo "release dry run: the parent POM has no <$tag> (Central requires it)" >&2; missing=$((missing + 1)); }
done
for excluded in provider-api-bench provider-api-fault-matrix; do
  [ ! -d "$repo/dev/providerapi/$excluded" ] || { echo "release dry run: $excluded must not be published" >&2; missing=$((missing + 1)); }
done
[ "$missing" = 0 ] || exit 1
echo "release dry run: $published artifacts in $OUT ($(du -sh "$repo" | cut -f1)), each with sources, javadoc," \
  "signatures, checksums and an Automatic-Module-Name; nothing uploaded"
