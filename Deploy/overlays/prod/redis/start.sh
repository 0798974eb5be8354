#!/bin/sh
# Writes the ACL file from users.rules and the passwords in the environment, then runs
# redis-server with the container's args. The file lives on a memory-backed emptyDir.
set -eu
rules="${ACL_RULES:-/etc/redis-acl/users.rules}"
acl="${ACL_FILE:-/run/redis/users.acl}"
umask 077
: > "$acl"
while read -r user var rules_of_user; do
    case "$user" in '' | '#'*) continue ;; esac
    pass="$(printenv "$var")" || { echo "redis-acl: $var is not set (user $user)" >&2; exit 1; }
    case "$pass" in
        '' | *[[:space:]]*) echo "redis-acl: $var is empty or contains whitespace" >&2; exit 1 ;;
    esac
    printf 'user %s on >%s %s\n' "$user" "$pass" "$rules_of_user" >> "$acl"
done < "$rules"
exec redis-server "$@" --aclfile "$acl"
