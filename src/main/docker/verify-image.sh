#!/usr/bin/env bash
# Builds the emulator's container image without Docker and checks it the way a CI job uses it:
#   1. a base image from Debian packages (debootstrap: bookworm with openjdk-17-jre-headless), once; no registry needed
#   2. the image from src/main/docker/Dockerfile on that base (podman build, Docker format so HEALTHCHECK is kept),
#      and what .dockerignore lets into the build context
#   3. the emulator container on a port that is not the default, until its own health check passes
#   4. a real request from outside the container: create an account, read it back
#   5. conformance run from a second container beside it, writing its reports in the image's working folder
#   6. the emulator stopped with SIGTERM, as docker stop does
# and prints what it verified. Needs root, podman, runc and debootstrap (apt-get install -y podman runc debootstrap),
# curl, and the standalone jar (mvn -B package -DskipTests). Not run by the build or CI: it needs root and a container
# runtime.
#
#   sudo src/main/docker/verify-image.sh
#
# Settings (environment): PORT (default 6123), TAGS (the scenarios conformance run runs, default @seed-v9.0),
# REBUILD_BASE=1 to make the base image again, DEBIAN_MIRROR (default: debootstrap's own), RUNTIME (default runc:
# where this was written crun refuses hybrid cgroups) and ULIMITS (default nofile and nproc 4096: a sandbox without
# CAP_SYS_RESOURCE cannot give a container podman's own defaults).
set -euo pipefail
cd "$(dirname "$0")/../../.."

base=localhost/dataverse-bdd-base:bookworm-jre17
image=localhost/dataverse-bdd-emulator:verify
port=${PORT:-6123}
tags=${TAGS:-@seed-v9.0}
emulator=dvbdd-verify-emulator
runner=dvbdd-verify-conformance
verified=()
read -r -a ulimits <<<"${ULIMITS:---ulimit nofile=4096:4096 --ulimit nproc=4096:4096}"
pm() { podman --runtime "${RUNTIME:-runc}" "$@"; }

say() { printf '== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
ok() { verified+=("$*"); printf 'ok: %s\n' "$*"; }
cleanup() { for name in "$emulator" "$runner"; do pm rm -f --ignore "$name" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT

[[ $(id -u) == 0 ]] || fail "run as root (debootstrap and podman's network need it)"
for tool in podman "${RUNTIME:-runc}" debootstrap curl; do
  command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install -y podman runc debootstrap curl"
done
jars=(target/dataverse-bdd-*-standalone.jar)
[[ -f ${jars[0]} ]] || fail "no target/dataverse-bdd-*-standalone.jar: run mvn -B package -DskipTests first"
[[ ${#jars[@]} == 1 ]] || fail "more than one standalone jar in target/ (${jars[*]}): the Dockerfile copies one"

if [[ ${REBUILD_BASE:-0} == 1 ]] || ! pm image exists "$base"; then
  say "base image $base: debootstrap bookworm (minbase) with openjdk-17-jre-headless"
  rootfs=$(mktemp -d /tmp/dvbdd-rootfs.XXXXXX)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"} \
    >/tmp/dvbdd-debootstrap.log 2>&1 || fail "debootstrap failed, see /tmp/dvbdd-debootstrap.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | pm import --change 'CMD ["/bin/bash"]' - "$base" >/dev/null 2>&1
  rm -rf "$rootfs"
fi
java_in_base=$(pm run --rm "${ulimits[@]}" "$base" java -version 2>&1)
java_in_base=${java_in_base%%$'\n'*}
[[ $java_in_base == *"17."* ]] || fail "no java 17 in $base: $java_in_base"
ok "base image $base: $java_in_base"

say "build context under .dockerignore"
probe_dir=$(mktemp -d /tmp/dvbdd-context.XXXXXX)
printf 'FROM %s\nCOPY . /context\n' "$base" >"$probe_dir/Containerfile"
pm build "${ulimits[@]}" -f "$probe_dir/Containerfile" -t localhost/dataverse-bdd-context-probe . >/tmp/dvbdd-context.log 2>&1 \
  || fail "the context probe did not build, see /tmp/dvbdd-context.log"
in_context=$(pm run --rm "${ulimits[@]}" localhost/dataverse-bdd-context-probe sh -c 'cd /context && find . -type f | sort | tr "\n" " "; du -sh . | cut -f1')
pm rmi -f localhost/dataverse-bdd-context-probe >/dev/null 2>&1 || true
rm -rf "$probe_dir"
ok "the build context holds only: $in_context(of a work tree of $(du -sh --exclude=.git . | cut -f1))"

say "image $image from src/main/docker/Dockerfile"
pm build "${ulimits[@]}" --format docker --build-arg BASE_IMAGE="$base" -f src/main/docker/Dockerfile -t "$image" . \
  >/tmp/dvbdd-build.log 2>&1 || fail "podman build failed, see /tmp/dvbdd-build.log"
context=$(pm run --rm "${ulimits[@]}" --entrypoint bash "$image" -c 'ls /opt/dataverse-bdd | tr "\n" " "' 2>/dev/null)
ok "podman build --format docker on the local base; /opt/dataverse-bdd holds: $context"
[[ $(pm image inspect --format '{{.Config.User}}' "$image") == emulator ]] || fail "the image does not run as 'emulator'"
ok "runs as the non-root user 'emulator', working folder $(pm image inspect --format '{{.Config.WorkingDir}}' "$image")"

say "emulator container on port $port (not the default 5555)"
cleanup
# (without systemd podman cannot schedule the health check itself, and says so: podman healthcheck run runs it below)
pm run -d "${ulimits[@]}" --name "$emulator" -p "127.0.0.1:$port:$port" "$image" emulator --host 0.0.0.0 --port "$port" \
  >/tmp/dvbdd-emulator-start.log 2>&1 || fail "the emulator container did not start, see /tmp/dvbdd-emulator-start.log"
healthy=""
for _ in $(seq 1 40); do
  if health=$(pm healthcheck run "$emulator" 2>&1); then healthy=yes; break; fi
  sleep 0.5
done
[[ $healthy == yes ]] || fail "the health check never passed: $health; logs: $(pm logs "$emulator" 2>&1 | tail -5)"
status=$(pm inspect --format '{{.State.Health.Status}}' "$emulator" 2>/dev/null || pm inspect --format '{{.State.Healthcheck.Status}}' "$emulator")
ok "the image's own health check passed on --port $port (podman healthcheck run: status $status)"
configured=$(pm image inspect --format '{{json .Config.Healthcheck.Test}}' "$image")
[[ $configured == *healthcheck.sh* && $configured != *java* ]] || fail "the image's HEALTHCHECK is not healthcheck.sh: $configured"
started=$(date +%s%N)
probe=$(pm exec "$emulator" bash /opt/dataverse-bdd/healthcheck.sh)
took=$((($(date +%s%N) - started) / 1000000))
ok "the health check starts no JVM: HEALTHCHECK $configured; one check took $took ms (podman exec included), said: $probe"

say "a request from outside: create an account, read it back"
root="http://127.0.0.1:$port/api/data/v9.2"
entity=$(curl -sS -D - -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"name":"Contoso"}' "$root/accounts" \
  | tr -d '\r' | sed -n 's/^OData-EntityId: //Ip')
[[ $entity =~ accounts\(([0-9a-f-]{36})\)$ ]] || fail "the create answered no OData-EntityId ($entity)"
id=${BASH_REMATCH[1]}
read_back=$(curl -sS "$root/accounts($id)?\$select=name")
[[ $read_back == *'"name":"Contoso"'* ]] || fail "the read-back is not the account: $read_back"
ok "POST $root/accounts created accounts($id); GET read back: $read_back"

say "conformance run ($tags) from a second container beside the emulator"
set +e
pm run "${ulimits[@]}" --name "$runner" --network "container:$emulator" -e DATAVERSE_ALLOWED_HOSTS=127.0.0.1 \
  -e DATAVERSE_TOKEN=a-token-for-the-run "$image" conformance run --url "$root" --tags "$tags" >/tmp/dvbdd-conformance.log 2>&1
exit_code=$?
set -e
[[ $exit_code == 0 ]] || fail "conformance run exited $exit_code, see /tmp/dvbdd-conformance.log"
summary=$(sed 's/\x1b\[[0-9;]*m//g' /tmp/dvbdd-conformance.log | grep -E '^[0-9]+ scenarios? ' | head -1 || true)
reports=$(pm cp "$runner:/work/conformance-report/conformance/matrix.json" - | tar -xO | grep -c '"operation"' || true)
[[ $reports -gt 0 ]] || fail "no matrix in /work/conformance-report/conformance/matrix.json"
ok "conformance run exited 0 ($summary); it wrote /work/conformance-report (matrix with $reports cells)"
pm rm -f "$runner" >/dev/null 2>&1

say "stop the emulator (SIGTERM, as docker stop)"
pm stop --time 10 "$emulator" >/dev/null 2>&1
pm logs "$emulator" 2>&1 | grep -q '^Dataverse emulator stopped\.$' || fail "the emulator did not stop cleanly"
ok "stopped cleanly: $(pm logs "$emulator" 2>&1 | grep -c '^Dataverse emulator stopped\.$') 'Dataverse emulator stopped.' line, exit $(pm inspect --format '{{.State.ExitCode}}' "$emulator")"

printf '\nverified (%d):\n' "${#verified[@]}"
printf '  - %s\n' "${verified[@]}"
printf 'not verified here: docker build itself (no Docker daemon), the default base eclipse-temurin:17-jre (no registry)\n'
