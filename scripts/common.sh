# Shared by run.sh and test.sh: checks and installs what a fresh Debian/Ubuntu machine lacks.

log() { printf '[langomni] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# JDK 17 or newer: javac is needed too, since the services are built here.
ensure_jdk() {
  local v=""
  if command -v javac >/dev/null 2>&1; then
    v="$(javac -version 2>&1 | awk '{print $2}' | cut -d. -f1)"
  fi
  if [ -z "$v" ] || [ "$v" -lt 17 ] 2>/dev/null; then
    log "JDK 17+ not found (javac: ${v:-none}); installing openjdk-17-jdk-headless"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless >/dev/null \
      || die "could not install a JDK; install JDK 17+ and retry"
  fi
}

# curl: run.sh polls the services' health endpoints with it.
ensure_curl() {
  command -v curl >/dev/null 2>&1 && return
  log "installing curl"
  as_root apt-get update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null || die "could not install curl"
}

# Node 20+ with npm: the web client (admin-ui) is built with the system npm (Maven's exec plugin calls it).
# Debian 12's own nodejs is 18, too old for Vite 8: a machine without Node 20 gets a clear message, not a guess.
ensure_node() {
  local v=""
  command -v node >/dev/null 2>&1 && v="$(node --version | sed 's/^v//' | cut -d. -f1)"
  if [ -z "$v" ] || [ "$v" -lt 20 ] 2>/dev/null; then
    die "Node.js 20+ with npm is needed to build the web client (found: ${v:-none}); install it (e.g. from nodejs.org or NodeSource) and retry"
  fi
  command -v npm >/dev/null 2>&1 || die "npm is missing (it comes with Node.js 20+); install it and retry"
}

# Chromium: the web client's end-to-end test drives Debian's chromium through playwright-core.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return
  log "installing chromium (for the web client's browser test)"
  as_root apt-get update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || die "could not install chromium"
}

# kubectl renders deploy/k8s for deploy-checks (kubectl kustomize, no cluster). The kustomizations use current fields
# (resources, patches, envs): kubectl 1.21+ (kustomize v4+). Debian 12's kubernetes-client is 1.20, too old, so
# nothing is installed here: a machine without a recent kubectl gets a clear message.
ensure_kubectl() {
  local k="${KUBECTL:-kubectl}" minor=""
  command -v "$k" >/dev/null 2>&1 \
    || die "kubectl 1.21+ is needed for the deploy/k8s checks (Debian 12's kubernetes-client 1.20 is too old); install one or point \$KUBECTL at one, and retry"
  minor="$("$k" version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -n 1)"
  if [ -z "$minor" ] || [ "$minor" -lt 21 ]; then
    die "$k is kubectl 1.${minor:-?}; the deploy/k8s checks need 1.21+ (kustomize v4+): install a newer one or point \$KUBECTL at one, and retry"
  fi
}

# docker-compose validates docker-compose.yml (`config -q`, no Docker daemon needed) in the compose check.
ensure_docker_compose() {
  command -v docker-compose >/dev/null && return
  log "installing docker-compose (to validate docker-compose.yml; no daemon is started)"
  as_root apt-get update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null || die "could not install docker-compose"
}

# promtool checks the Prometheus config, the alert rules (and their unit tests) and the dashboards' queries.
ensure_promtool() {
  command -v promtool >/dev/null && return
  log "installing prometheus (for promtool; the server is not started)"
  as_root apt-get update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null \
    || die "could not install prometheus (promtool)"
}
