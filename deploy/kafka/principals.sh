# Sourced by start.sh and apply-acls.sh: who has a Kafka login, and their passwords.

# admin (the super user) and everyone acls.txt grants something to.
principals() {
  { echo admin; sed -e 's/#.*//' "$here/acls.txt" | awk 'NF { print $1 }'; } | sort -u
}

# FUGONG_KAFKA_<PRINCIPAL>_PASSWORD, or the content of the file FUGONG_KAFKA_<PRINCIPAL>_PASSWORD_FILE names.
password_of() {
  local variable="FUGONG_KAFKA_${1^^}_PASSWORD"
  local file_variable="${variable}_FILE"
  local password
  if [ -n "${!file_variable:-}" ]; then
    password="$(cat "${!file_variable}")"
  else
    password="${!variable:-}"
  fi
  if [ -z "$password" ]; then
    echo "Kafka: set $variable or $file_variable" >&2
    return 1
  fi
  if [[ ! "$password" =~ ^[A-Za-z0-9_-]+$ ]]; then
    echo "Kafka: $variable may hold letters, digits, - and _ only" >&2
    return 1
  fi
  printf '%s' "$password"
}

# Fails, naming the variable, unless every principal has a usable password.
check_passwords() {
  local principal
  for principal in $(principals); do
    password_of "$principal" > /dev/null
  done
}
