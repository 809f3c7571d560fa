# Shell functions the benchmark scripts share (sourced by bench/*/run.sh).

# The median of the numbers on standard input, one a line.
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# 12345.6 -> 12,346
grouped() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
# The value of KEY in a line of key=value pairs.
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2" | head -n 1; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
times() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
yes_no() { if awk "BEGIN { exit !($1) }"; then echo yes; else echo no; fi; }
# One row of the Markdown table.
row() {
    local line="|"
    for cell in "$@"; do line+=" $cell |"; done
    echo "$line"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
# A port on 127.0.0.1 that nothing listens on.
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
# Installs the Node.js peers pinned by DIR/package-lock.json with npm ci when DIR/node_modules is
# missing or was installed from another lock file (a copy of the lock file marks what it holds).
npm_peers() {
    local dir=$1
    local stamp=$dir/node_modules/.kanca-package-lock.json
    if ! cmp -s "$dir/package-lock.json" "$stamp"; then
        npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
        cp "$dir/package-lock.json" "$stamp"
    fi
}
