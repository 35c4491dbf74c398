#!/bin/sh
# Makes the RSA key pair of the internal JWT (the gateway signs with jwt-private.pem, every service
# verifies with jwt-public.pem) and logistics' pass-code signing key. Keep the private key out of version control (it is git-ignored).
set -eu
cd "$(dirname "$0")"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-private.pem
openssl pkey -in jwt-private.pem -pubout -out jwt-public.pem
chmod 600 jwt-private.pem
# The P-256 key logistics signs green-pass codes with (ES256), PKCS#8, kept across restarts.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out pass-code-private.pem
chmod 600 pass-code-private.pem
echo "Wrote $(pwd)/jwt-private.pem, jwt-public.pem and pass-code-private.pem"
