# Start the real parts the system tests use. Sourced by scripts/test; exports where each part can be found.
# Every function says plainly what it could not do; under CI=true the tests turn a missing part into a failure.

CUPS_QUEUE=TokoDesk-PDF
CUPS_PDF_DIR=/var/spool/tokodesk-cups-pdf

cups_running() { lpstat -r 2>/dev/null | grep -q "is running"; }  # lpstat -r exits 0 either way

start_cups() {
  local -; set +e +o pipefail  # a part that fails to start is reported, not fatal to the script
  if ! command -v cupsd >/dev/null 2>&1 || ! command -v lpadmin >/dev/null 2>&1; then
    echo "scripts/test: CUPS is not installed; the printing system tests cannot run" >&2
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] && ! cups_running; then
    echo "scripts/test: CUPS is not running and starting it needs root; the printing tests cannot run" >&2
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && [ -f /etc/cups/cups-pdf.conf ]; then
    mkdir -p "$CUPS_PDF_DIR" && chmod 1777 "$CUPS_PDF_DIR"
    # cups-pdf writes to the submitting user's ~/PDF by default; one known folder lets the tests read the output.
    if ! grep -q "^Out $CUPS_PDF_DIR" /etc/cups/cups-pdf.conf; then
      sed -i -e "s|^Out .*|Out $CUPS_PDF_DIR|" -e "s|^#\?AnonDirName .*|AnonDirName $CUPS_PDF_DIR|" /etc/cups/cups-pdf.conf
      grep -q "^Out " /etc/cups/cups-pdf.conf || echo "Out $CUPS_PDF_DIR" >> /etc/cups/cups-pdf.conf
      pkill -x cupsd 2>/dev/null; sleep 0.5
    fi
  fi
  if ! cups_running; then
    (/usr/sbin/cupsd || cupsd) >/dev/null 2>&1
    for _ in $(seq 1 50); do cups_running && break; sleep 0.1; done
  fi
  if ! cups_running; then
    echo "scripts/test: cupsd did not start" >&2
    return 0
  fi
  if ! lpstat -p "$CUPS_QUEUE" >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    local models ppd
    models=$(lpinfo -m 2>/dev/null)
    ppd=$(printf '%s\n' "$models" | awk '/CUPS-PDF_opt.ppd/ {print $1}' | head -n 1)
    [ -n "$ppd" ] || ppd=$(printf '%s\n' "$models" | awk '/CUPS-PDF/ {print $1}' | head -n 1)
    if [ -n "$ppd" ]; then
      lpadmin -p "$CUPS_QUEUE" -v cups-pdf:/ -E -m "$ppd" || echo "scripts/test: could not add the $CUPS_QUEUE queue" >&2
    else
      echo "scripts/test: the cups-pdf driver is not installed (printer-driver-cups-pdf)" >&2
    fi
  fi
  if lpstat -p "$CUPS_QUEUE" >/dev/null 2>&1; then
    export TOKODESK_CUPS_QUEUE="$CUPS_QUEUE" TOKODESK_CUPS_PDF_DIR="$CUPS_PDF_DIR"
  fi
}

PG_PORT=55432
start_postgres() {
  local -; set +e +o pipefail
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    echo "scripts/test: PostgreSQL is not installed; the several-stations tests cannot run" >&2
    return 0
  fi
  local data="${TOKODESK_PG_DIR:-/var/tmp/tokodesk-test-pg}"
  local runas=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "scripts/test: no postgres user" >&2; return 0; }
    runas=(runuser -u postgres --)
    mkdir -p "$data" && chown postgres "$data"
  else
    mkdir -p "$data"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    "${runas[@]}" "$bindir/initdb" -D "$data" -A trust -U postgres >/dev/null || { echo "scripts/test: initdb failed" >&2; return 0; }
  fi
  if ! "${runas[@]}" "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    "${runas[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
      || { echo "scripts/test: PostgreSQL did not start (see $data/server.log)" >&2; return 0; }
  fi
  export TOKODESK_TEST_PG="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
}
