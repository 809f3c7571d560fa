#!/usr/bin/env bash
# Makes the test certificates of tst_deliverytls (see README.md). Run once: the PEM files are
# committed, so the tests need no openssl at run time. Needs the openssl command (3.0 or later).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# `openssl ca` signs with explicit start and end dates: no fake clock is needed for a certificate
# that has expired, and the valid ones start in the past, so that a machine whose clock is a little
# behind still accepts them.
touch "$work/index.txt"
echo 01 >"$work/serial"
cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[any]
organizationName = optional
commonName = supplied
[root]
subjectAltName = \$ENV::KANCA_SAN
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,keyCertSign
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
[leaf]
subjectAltName = \$ENV::KANCA_SAN
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
CNF

request() { # NAME COMMON_NAME: NAME.key and a request for it
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 \
        -subj "/O=Kanca tests/CN=$2" -keyout "$1.key" -out "$work/$1.csr"
}

# self-signed.pem: for 127.0.0.1 and localhost, valid for 100 years (2024 to 2124). It may also
# sign (CA:TRUE), so that a test can trust it as a CA and let it issue the two certificates below.
request self-signed "127.0.0.1"
KANCA_SAN=IP:127.0.0.1,DNS:localhost openssl ca -batch -notext -config "$work/ca.cnf" -selfsign -extensions root \
    -keyfile self-signed.key -startdate 20240101000000Z -enddate 21240101000000Z \
    -in "$work/self-signed.csr" -out self-signed.pem

issue() { # NAME COMMON_NAME SUBJECT_ALT_NAMES START END: NAME.key and NAME.pem, by self-signed.pem
    request "$1" "$2"
    KANCA_SAN=$3 openssl ca -batch -notext -config "$work/ca.cnf" -extensions leaf \
        -cert self-signed.pem -keyfile self-signed.key -startdate "$4" -enddate "$5" \
        -in "$work/$1.csr" -out "$1.pem"
}

# expired.pem: for 127.0.0.1 and localhost, valid in 2020 only.
issue expired "127.0.0.1 (expired)" "IP:127.0.0.1,DNS:localhost" 20200101000000Z 20210101000000Z
# other-host.pem: valid for 100 years, but for kanca.invalid, not for 127.0.0.1.
issue other-host "kanca.invalid" "DNS:kanca.invalid" 20240101000000Z 21240101000000Z
