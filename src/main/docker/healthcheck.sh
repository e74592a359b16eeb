#!/bin/bash
# The container's health check, without starting a JVM: asks the emulator's service root on the port the emulator
# wrote to $DATAVERSE_EMULATOR_PORT_FILE when it started listening (so `emulator --port N` is followed), with bash's
# /dev/tcp. Healthy (exit 0) when it answers 200, or 401 when it requires a bearer token; exit 1 otherwise. It says
# what it found in one line, as `java -jar ... health` does.
set -u
port_file=${DATAVERSE_EMULATOR_PORT_FILE:-/tmp/dataverse-emulator.port}
if ! read -r port 2>/dev/null <"$port_file"; then
  echo "unhealthy: no port in $port_file (the emulator writes it once it listens)"
  exit 1
fi
if [[ ! $port =~ ^[0-9]{1,5}$ ]]; then
  echo "unhealthy: $port_file holds '$port', not a port number"
  exit 1
fi
root="http://127.0.0.1:$port/api/data/v9.2/"
if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
  echo "unhealthy: $root does not answer (nothing listens on port $port)"
  exit 1
fi 2>/dev/null
printf 'GET /api/data/v9.2/ HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
if ! IFS=' ' read -r -t 3 _ status _ <&3; then
  echo "unhealthy: $root does not answer (no status line within 3 s)"
  exit 1
fi
exec 3<&-
case $status in
  200 | 401)
    echo "healthy: $root answered $status"
    exit 0
    ;;
  *)
    echo "unhealthy: $root answered ${status:-nothing}"
    exit 1
    ;;
esac
