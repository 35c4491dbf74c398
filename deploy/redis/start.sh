#!/bin/sh
# The compose Redis (the gateway's shared rate-limit counters), started by its container as
#   sh /opt/fugong/redis-start.sh
# No anonymous access: the default user is off. One ACL user, gateway, may run only what the
# gateway's rate limiter runs (its Lua script by EVALSHA or EVAL, and the TIME, HMGET, HSET and
# PEXPIRE the script calls, on keys under fugong:ratelimit:) and PING. The ACL file holds the
# password's SHA-256, not the password. The password comes from FUGONG_REDIS_GATEWAY_PASSWORD, or
# from the file FUGONG_REDIS_GATEWAY_PASSWORD_FILE names (a Docker secret). Arguments are passed
# on to redis-server (RedisAclTest runs this script with a port of its own).
set -eu
password="${FUGONG_REDIS_GATEWAY_PASSWORD:-}"
if [ -n "${FUGONG_REDIS_GATEWAY_PASSWORD_FILE:-}" ]; then
  password="$(cat "$FUGONG_REDIS_GATEWAY_PASSWORD_FILE")"
fi
if [ -z "$password" ]; then
  echo "redis start.sh: set FUGONG_REDIS_GATEWAY_PASSWORD or FUGONG_REDIS_GATEWAY_PASSWORD_FILE" >&2
  exit 1
fi
acl="${FUGONG_REDIS_ACL_FILE:-/tmp/fugong-users.acl}"
hash="$(printf '%s' "$password" | sha256sum | cut -d ' ' -f 1)"
umask 077
{
  echo "user default off resetpass nocommands resetkeys"
  echo "user gateway on #$hash resetkeys ~fugong:ratelimit:* resetchannels nocommands +ping +evalsha +eval +time +hmget +hset +pexpire"
} > "$acl"
# No persistence: counters refill by themselves, so a restart loses nothing worth keeping.
exec redis-server --aclfile "$acl" --save "" --appendonly no "$@"
