# Sourced by the other scripts: where downloads are cached (outside the repository, kept between runs).
EDGE_CACHE="${EDGE_CACHE:-$HOME/.cache/store-edge}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export EDGE_CACHE REPO_ROOT
log() { printf '[edge] %s\n' "$*" >&2; }
die() { printf '[edge] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
