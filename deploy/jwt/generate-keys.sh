#!/bin/sh
# Makes the RSA key pair of the internal JWT: the gateway signs with jwt-private.pem, every service
# verifies with jwt-public.pem. Keep the private key out of version control (it is git-ignored).
set -eu
cd "$(dirname "$0")"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-private.pem
openssl pkey -in jwt-private.pem -pubout -out jwt-public.pem
chmod 600 jwt-private.pem
echo "Wrote $(pwd)/jwt-private.pem and jwt-public.pem"
