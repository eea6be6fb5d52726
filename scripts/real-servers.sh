#!/usr/bin/env bash
# Real peer servers on loopback for Parley's tests: Dovecot (IMAP, POP3), Postfix (SMTP),
# nginx (HTTP) and PostgreSQL, each run from a private configuration under one state
# directory, as plain background daemons (no systemd, no changes to the system instances).
#
#   scripts/real-servers.sh install   apt-get what is missing (root; skips apt when all present)
#   scripts/real-servers.sh start     write configs, test CA and certificate, start, wait, write env
#   scripts/real-servers.sh stop      stop everything this script started
#   scripts/real-servers.sh status    show what runs and which ports answer (exit 3 if any is down)
#   scripts/real-servers.sh reseed    put the seeded mailboxes back to their initial contents
#
# Everything listens on 127.0.0.1 only. See docs/real-servers.md.
set -euo pipefail

STATE="${PARLEY_REAL_SERVERS_DIR:-/tmp/parley-real-servers}"
HOST=127.0.0.1
IMAP_PORT=4143
IMAPS_PORT=4993
POP3_PORT=4110
POP3S_PORT=4995
SMTP_PORT=4025
HTTP_PORT=4080
HTTPS_PORT=4443
# HTTPS with a certificate that names the host only (no IP SAN): a client must verify the name it
# was given, not the address it connected to.
HTTPS_NAMED_PORT=4444
PG_PORT=5433
TRUSTSTORE_PASSWORD=changeit

# Mail is stored as the Debian base user `mail` (uid/gid 8, always present via base-passwd),
# so Postfix's virtual delivery agent and Dovecot's mail processes share the same maildirs.
MAIL_USER=mail

PACKAGES=(dovecot-imapd dovecot-pop3d postfix nginx postgresql openssl)

TLS="$STATE/tls"
LOG="$STATE/log"
MAIL="$STATE/mail"
DOVECOT="$STATE/dovecot"
POSTFIX="$STATE/postfix"
NGINX="$STATE/nginx"
PG="$STATE/pg"
ENV_FILE="$STATE/real-servers.env"
PROPS_FILE="$STATE/real-servers.properties"

TOOL=real-servers
# shellcheck source=scripts/lib/daemons.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/daemons.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"

need_root() {
  [ "$(id -u)" -eq 0 ] || die "$1 needs root (it runs daemons as their own users and installs packages)"
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

# ---------------------------------------------------------------------------------------- install

cmd_install() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    is_installed "$p" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "all packages already installed: ${PACKAGES[*]}"
    return 0
  fi
  need_root install
  say "installing: ${missing[*]}"
  # "Local only" keeps the system Postfix instance (which we never start) off the network.
  printf '%s\n' \
    'postfix postfix/main_mailer_type select Local only' \
    'postfix postfix/mailname string localhost' | debconf-set-selections
  # Package scripts must not start the system daemons (dovecot and nginx would listen on
  # every address). A policy-rc.d that answers 101 tells invoke-rc.d to skip starting them.
  local policy=/usr/sbin/policy-rc.d added_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    added_policy=1
  fi
  local rc=0
  {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q &&
    apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
  } || rc=$?
  [ -n "$added_policy" ] && rm -f "$policy"
  [ "$rc" -eq 0 ] || die "apt-get failed ($rc)"
  say "installed: ${missing[*]}"
}

# ---------------------------------------------------------------------------------------- helpers

find_keytool() {
  local k
  if command -v keytool >/dev/null 2>&1; then command -v keytool; return; fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then echo "$JAVA_HOME/bin/keytool"; return; fi
  for k in /usr/lib/jvm/*/bin/keytool; do [ -x "$k" ] && { echo "$k"; return; }; done
  return 1
}

# ---------------------------------------------------------------------------------------- TLS

make_tls() {
  mkdir -p "$TLS"
  chmod 755 "$TLS"
  if [ -s "$TLS/ca.pem" ] && [ -s "$TLS/server.pem" ] && [ -s "$TLS/server.key" ] &&
     openssl x509 -in "$TLS/server.pem" -noout -checkend 2592000 >/dev/null 2>&1; then
    :
  else
    say "generating test CA and server certificate in $TLS"
    openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 \
      -keyout "$TLS/ca.key" -out "$TLS/ca.pem" -subj "/O=Parley/CN=Parley Test CA" \
      -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new -newkey rsa:2048 -nodes -sha256 \
      -keyout "$TLS/server.key" -out "$TLS/server.csr" -subj "/O=Parley/CN=localhost" 2>/dev/null
    cat > "$TLS/server.ext" <<'EOF'
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
EOF
    openssl x509 -req -sha256 -days 825 -in "$TLS/server.csr" \
      -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" -CAcreateserial \
      -extfile "$TLS/server.ext" -out "$TLS/server.crt" 2>/dev/null
    # Leaf first, then the CA: servers send the whole chain.
    cat "$TLS/server.crt" "$TLS/ca.pem" > "$TLS/server.pem"
    chmod 600 "$TLS/ca.key" "$TLS/server.key"
    chmod 644 "$TLS/ca.pem" "$TLS/server.crt" "$TLS/server.pem"
    rm -f "$TLS/truststore.p12"
  fi
  if [ ! -s "$TLS/named.pem" ] || [ "$TLS/named.pem" -ot "$TLS/ca.pem" ] ||
     ! openssl x509 -in "$TLS/named.pem" -noout -checkend 2592000 >/dev/null 2>&1; then
    say "generating the name-only certificate (DNS:localhost, no IP address) in $TLS"
    openssl req -new -newkey rsa:2048 -nodes -sha256 \
      -keyout "$TLS/named.key" -out "$TLS/named.csr" -subj "/O=Parley/CN=localhost" 2>/dev/null
    printf '%s\n' 'basicConstraints = critical,CA:FALSE' \
      'keyUsage = critical,digitalSignature,keyEncipherment' 'extendedKeyUsage = serverAuth' \
      'subjectAltName = DNS:localhost' > "$TLS/named.ext"
    openssl x509 -req -sha256 -days 825 -in "$TLS/named.csr" \
      -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" -CAcreateserial \
      -extfile "$TLS/named.ext" -out "$TLS/named.crt" 2>/dev/null
    cat "$TLS/named.crt" "$TLS/ca.pem" > "$TLS/named.pem"
    chmod 600 "$TLS/named.key"
    chmod 644 "$TLS/named.crt" "$TLS/named.pem"
  fi
  if [ ! -s "$TLS/truststore.p12" ]; then
    local keytool
    if keytool=$(find_keytool); then
      # keytool (not openssl pkcs12) so the entry is a trusted certificate Java accepts.
      "$keytool" -importcert -noprompt -alias parley-test-ca -file "$TLS/ca.pem" \
        -keystore "$TLS/truststore.p12" -storetype PKCS12 \
        -storepass "$TRUSTSTORE_PASSWORD" >"$TLS/keytool.log" 2>&1 ||
        die "keytool failed: $(cat "$TLS/keytool.log")"
      chmod 644 "$TLS/truststore.p12"
    else
      say "warning: keytool not found (no JDK?): $TLS/truststore.p12 not written"
    fi
  fi
}

# ---------------------------------------------------------------------------------------- mail

# Messages are written as Maildir files with LF line ends; Dovecot sends them with CRLF.
seed_message() { # user filename (body on stdin)
  local dir="$MAIL/$1"
  mkdir -p "$dir/new" "$dir/cur" "$dir/tmp"
  cat > "$dir/new/$2"
}

seed_user() { # user
  case "$1" in
    bob)
      seed_message bob 1357449001.M1P1.parley <<'EOF'
Return-Path: <alice@localhost>
From: Alice <alice@localhost>
To: Bob <bob@localhost>
Subject: Tea at four
Date: Sun, 06 Jan 2013 05:10:01 +0000
Message-ID: <seed-bob-1@localhost>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Bob, the Red Queen asks whether you will come to tea at four.

Alice
EOF
      seed_message bob 1357449002.M2P1.parley <<'EOF'
Return-Path: <dewey@localhost>
From: Dewey <dewey@localhost>
To: Bob <bob@localhost>
Subject: Your maildrop
Date: Sun, 06 Jan 2013 05:12:02 +0000
Message-ID: <seed-bob-2@localhost>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Your maildrop now holds two messages. Try STAT, LIST and RETR.
EOF
      ;;
    demo)
      seed_message demo 1357449003.M3P1.parley <<'EOF'
Return-Path: <cris@localhost>
From: cris <cris@localhost>
To: demo@localhost
Subject: Reading this email
Date: Sun, 06 Jan 2013 05:18:03 +0000
Message-ID: <seed-demo-1@localhost>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

If you are reading this email, you have logged in, selected INBOX and
fetched a message over IMAP (or POP3) by hand. Well done!

cris
EOF
      ;;
    *)
      mkdir -p "$MAIL/$1/new" "$MAIL/$1/cur" "$MAIL/$1/tmp"
      ;;
  esac
  chown -R "$MAIL_USER:$MAIL_USER" "$MAIL/$1"
  chmod -R u=rwX,go= "$MAIL/$1"
}

MAIL_USERS=(bob frobozz demo)
declare -A PASSWORDS=([bob]=redqueen [frobozz]=xyzzy [demo]=demo)

make_mail() {
  mkdir -p "$MAIL"
  chown "$MAIL_USER:$MAIL_USER" "$MAIL"
  chmod 755 "$MAIL"
  local u
  for u in "${MAIL_USERS[@]}"; do
    [ -d "$MAIL/$u" ] || seed_user "$u"
  done
}

cmd_reseed() {
  need_root reseed
  [ -d "$MAIL" ] || die "no state in $STATE; run: $0 start"
  local u
  for u in "${MAIL_USERS[@]}"; do
    rm -rf "${MAIL:?}/$u"
    seed_user "$u"
  done
  say "mailboxes reseeded: ${MAIL_USERS[*]}"
}

# ---------------------------------------------------------------------------------------- dovecot

dovecot_major_minor() {
  dovecot --version | sed -E 's/^([0-9]+)\.([0-9]+).*/\1 \2/'
}

write_dovecot_conf() {
  mkdir -p "$DOVECOT/run" "$DOVECOT/state"
  chmod 755 "$DOVECOT"
  local uid gid u
  uid=$(id -u "$MAIL_USER")
  gid=$(id -g "$MAIL_USER")
  : > "$DOVECOT/users.new"
  for u in "${MAIL_USERS[@]}"; do
    printf '%s:{PLAIN}%s:%s:%s::%s/%s::\n' "$u" "${PASSWORDS[$u]}" "$uid" "$gid" "$MAIL" "$u" >> "$DOVECOT/users.new"
  done
  mv "$DOVECOT/users.new" "$DOVECOT/users"
  # Test passwords, published in the docs: readable by the auth process (user dovecot).
  chmod 644 "$DOVECOT/users"

  local major minor
  read -r major minor < <(dovecot_major_minor)
  if [ "$major" -gt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -ge 4 ]; }; then
    die "Dovecot $(dovecot --version) uses the 2.4 configuration syntax, which this script does not write yet (written for 2.3)"
  fi
  local dh=
  [ -s /usr/share/dovecot/dh.pem ] && dh="ssl_dh = </usr/share/dovecot/dh.pem"
  cat > "$DOVECOT/dovecot.conf" <<EOF
# Written by scripts/real-servers.sh (Dovecot 2.3 syntax). Private instance for Parley's tests.
instance_name = parley-dovecot
base_dir = $DOVECOT/run
state_dir = $DOVECOT/state
log_path = $LOG/dovecot.log
protocols = imap pop3
listen = $HOST
login_greeting = Dovecot ready (Parley test server).

# Learners type LOGIN / USER+PASS in the clear on the plain ports; STARTTLS / STLS is offered.
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %Ln

ssl = yes
ssl_cert = <$TLS/server.pem
ssl_key = <$TLS/server.key
$dh

first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
mail_location = maildir:$MAIL/%n
namespace inbox {
  inbox = yes
  separator = .
}

passdb {
  driver = passwd-file
  args = scheme=PLAIN $DOVECOT/users
}
userdb {
  driver = passwd-file
  args = $DOVECOT/users
}

service imap-login {
  inet_listener imap {
    address = $HOST
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = $HOST
    port = $IMAPS_PORT
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    address = $HOST
    port = $POP3_PORT
  }
  inet_listener pop3s {
    address = $HOST
    port = $POP3S_PORT
    ssl = yes
  }
}
EOF
  dovecot -c "$DOVECOT/dovecot.conf" -n >/dev/null 2>"$LOG/dovecot-check.log" ||
    die "dovecot configuration invalid: $(cat "$LOG/dovecot-check.log")"
}

start_dovecot() {
  write_dovecot_conf
  if pid_alive "$DOVECOT/run/master.pid" dovecot; then
    say "dovecot already running: reloading"
    dovecot -c "$DOVECOT/dovecot.conf" reload
  else
    say "starting dovecot"
    ports_free dovecot "$IMAP_PORT" "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT"
    rm -f "$DOVECOT/run/master.pid"
    dovecot -c "$DOVECOT/dovecot.conf"
  fi
  wait_ports dovecot 30 "$IMAP_PORT" "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT"
}

stop_dovecot() {
  if pid_alive "$DOVECOT/run/master.pid" dovecot; then
    say "stopping dovecot"
    STOPPED_PORTS+=("$IMAP_PORT" "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT")
    dovecot -c "$DOVECOT/dovecot.conf" stop || true
    local i
    for i in $(seq 50); do pid_alive "$DOVECOT/run/master.pid" dovecot || break; sleep 0.2; done
  fi
}

# ---------------------------------------------------------------------------------------- postfix

write_postfix_conf() {
  local etc="$POSTFIX/etc" uid gid u
  mkdir -p "$etc" "$POSTFIX/spool" "$POSTFIX/lib"
  # Postfix insists that its queue and config directories are owned by root.
  chown root:root "$POSTFIX" "$etc" "$POSTFIX/spool"
  chown postfix:postfix "$POSTFIX/lib"
  chmod 755 "$POSTFIX" "$etc" "$POSTFIX/spool"
  chmod 700 "$POSTFIX/lib"
  uid=$(id -u "$MAIL_USER")
  gid=$(id -g "$MAIL_USER")
  : > "$etc/vmailbox"
  for u in "${MAIL_USERS[@]}"; do
    printf '%s@localhost %s/\n' "$u" "$u" >> "$etc/vmailbox"   # trailing slash = Maildir
  done
  cat > "$etc/main.cf" <<EOF
# Written by scripts/real-servers.sh. Private Postfix instance for Parley's tests.
compatibility_level = 3.6
queue_directory = $POSTFIX/spool
data_directory = $POSTFIX/lib
meta_directory = /etc/postfix
maillog_file = $LOG/postfix.log
maillog_file_prefixes = $LOG
mail_owner = postfix
setgid_group = postdrop

myhostname = localhost
mydomain = localdomain
myorigin = localhost
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_banner = \$myhostname ESMTP Postfix (Parley test server)
biff = no
append_dot_mydomain = no
readme_directory = no
alias_maps =
alias_database =

# Nothing ever leaves this machine.
default_transport = error:outbound mail is disabled on this test server
relay_transport = error:outbound mail is disabled on this test server
local_transport = error:local delivery is disabled on this test server
relay_domains =
smtpd_relay_restrictions = reject_unauth_destination
smtpd_recipient_restrictions =

# bob@, frobozz@ and demo@localhost go into the Maildirs that Dovecot serves; any other
# localhost recipient is refused with 550 at RCPT time.
virtual_mailbox_domains = localhost
virtual_mailbox_base = $MAIL
virtual_mailbox_maps = texthash:$etc/vmailbox
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = $uid
smtpd_reject_unlisted_recipient = yes
unknown_virtual_mailbox_reject_code = 550

smtpd_tls_security_level = may
smtpd_tls_cert_file = $TLS/server.pem
smtpd_tls_key_file = $TLS/server.key
smtpd_tls_loglevel = 1
smtp_tls_security_level = none
EOF
  # Debian's master.cf, without chroot (the chroot jail would need copies of system files).
  cat > "$etc/master.cf" <<EOF
# service     type       private unpriv chroot wakeup maxproc command
$HOST:$SMTP_PORT inet    n       -      n      -      -       smtpd
pickup        unix       n       -      n      60     1       pickup
cleanup       unix       n       -      n      -      0       cleanup
qmgr          unix       n       -      n      300    1       qmgr
tlsmgr        unix       -       -      n      1000?  1       tlsmgr
rewrite       unix       -       -      n      -      -       trivial-rewrite
bounce        unix       -       -      n      -      0       bounce
defer         unix       -       -      n      -      0       bounce
trace         unix       -       -      n      -      0       bounce
verify        unix       -       -      n      -      1       verify
flush         unix       n       -      n      1000?  0       flush
proxymap      unix       -       -      n      -      -       proxymap
proxywrite    unix       -       -      n      -      1       proxymap
smtp          unix       -       -      n      -      -       smtp
relay         unix       -       -      n      -      -       smtp
showq         unix       n       -      n      -      -       showq
error         unix       -       -      n      -      -       error
retry         unix       -       -      n      -      -       error
discard       unix       -       -      n      -      -       discard
local         unix       -       n      n      -      -       local
virtual       unix       -       n      n      -      -       virtual
lmtp          unix       -       -      n      -      -       lmtp
anvil         unix       -       -      n      -      1       anvil
scache        unix       -       -      n      -      1       scache
postlog       unix-dgram n       -      n      -      1       postlogd
EOF
  postfix -c "$etc" check >"$LOG/postfix-check.log" 2>&1 ||
    die "postfix configuration invalid: $(cat "$LOG/postfix-check.log")"
}

postfix_running() {
  [ -f "$POSTFIX/etc/main.cf" ] && postfix -c "$POSTFIX/etc" status >/dev/null 2>&1
}

start_postfix() {
  write_postfix_conf
  if postfix_running; then
    say "postfix already running: reloading"
    postfix -c "$POSTFIX/etc" reload >/dev/null 2>&1
  else
    say "starting postfix"
    ports_free postfix "$SMTP_PORT"
    postfix -c "$POSTFIX/etc" start >>"$LOG/postfix-check.log" 2>&1 ||
      die "postfix did not start: $(tail -n 20 "$LOG/postfix-check.log")"
  fi
  wait_ports postfix 30 "$SMTP_PORT"
}

stop_postfix() {
  if postfix_running; then
    say "stopping postfix"
    STOPPED_PORTS+=("$SMTP_PORT")
    postfix -c "$POSTFIX/etc" stop >/dev/null 2>&1 || true
    local i
    for i in $(seq 50); do postfix_running || break; sleep 0.2; done
  fi
}

# ---------------------------------------------------------------------------------------- nginx

# A 16x16 checkerboard PNG: a small binary body for the HTTP lessons.
PNG_BASE64='iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAJElEQVR42mPQiFoARx9O2MARLnGGQaiBGEXI4oNRw2g8DAoNAByDixCSyZH9AAAAAElFTkSuQmCC'

write_nginx_conf() {
  local html="$NGINX/html" worker=www-data
  mkdir -p "$html" "$NGINX/tmp"
  chmod 755 "$NGINX" "$html"
  id -u "$worker" >/dev/null 2>&1 || worker=nobody
  cat > "$html/index.html" <<'EOF'
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Parley test server</title></head>
<body>
<h1>Hello from nginx</h1>
<p>This page came over HTTP/1.1 from the Parley test server.
Try <a href="/hello.txt">/hello.txt</a>, <a href="/chunked">/chunked</a> and
<a href="/image.png">/image.png</a>.</p>
</body>
</html>
EOF
  printf 'Hello, world!\n' > "$html/hello.txt"
  {
    printf 'This response is sent with Transfer-Encoding: chunked.\n'
    printf 'nginx cannot know its length in advance, because a filter rewrites the body\n'
    printf 'on the way out (it fills in the request count of this keep-alive connection)\n'
    printf 'and reads the file in small pieces, so the body arrives in several chunks.\n'
    for i in 1 2 3 4 5 6 7 8; do printf 'line %s: request @N@ on this connection\n' "$i"; done
  } > "$html/chunked.txt"
  printf '%s' "$PNG_BASE64" | base64 -d > "$html/image.png"
  chmod 644 "$html"/*

  cat > "$NGINX/nginx.conf" <<EOF
# Written by scripts/real-servers.sh. Private nginx instance for Parley's tests.
user $worker;
worker_processes 1;
pid $NGINX/nginx.pid;
error_log $LOG/nginx-error.log warn;
events { worker_connections 128; }
http {
  types {
    text/html html;
    text/plain txt;
    image/png png;
  }
  default_type application/octet-stream;
  access_log $LOG/nginx-access.log;
  client_body_temp_path $NGINX/tmp/body;
  proxy_temp_path $NGINX/tmp/proxy;
  fastcgi_temp_path $NGINX/tmp/fastcgi;
  uwsgi_temp_path $NGINX/tmp/uwsgi;
  scgi_temp_path $NGINX/tmp/scgi;
  keepalive_timeout 65s;
  keepalive_requests 1000;
  gzip off;
  charset off;

  server {
    listen $HOST:$HTTP_PORT;
    listen $HOST:$HTTPS_PORT ssl;
    server_name localhost;
    ssl_certificate $TLS/server.pem;
    ssl_certificate_key $TLS/server.key;
    root $html;
    index index.html;

    # sub_filter rewrites the body, so nginx drops Content-Length and, for an HTTP/1.1
    # client, sends the response with Transfer-Encoding: chunked.
    location = /chunked {
      default_type text/plain;
      try_files /chunked.txt =404;
      sub_filter_types text/plain;
      sub_filter_once off;
      sub_filter '@N@' '\$connection_requests';
      output_buffers 1 128;
    }
  }

  server {
    listen $HOST:$HTTPS_NAMED_PORT ssl;
    server_name localhost;
    ssl_certificate $TLS/named.pem;
    ssl_certificate_key $TLS/named.key;
    root $html;
    index index.html;
  }
}
EOF
  nginx -q -t -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log" \
    >"$LOG/nginx-check.log" 2>&1 || die "nginx configuration invalid: $(cat "$LOG/nginx-check.log")"
}

start_nginx() {
  write_nginx_conf
  if pid_alive "$NGINX/nginx.pid" nginx; then
    say "nginx already running: reloading"
    nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log" -s reload
  else
    say "starting nginx"
    ports_free nginx "$HTTP_PORT" "$HTTPS_PORT" "$HTTPS_NAMED_PORT"
    rm -f "$NGINX/nginx.pid"
    nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log"
  fi
  wait_ports nginx 30 "$HTTP_PORT" "$HTTPS_PORT" "$HTTPS_NAMED_PORT"
}

stop_nginx() {
  if pid_alive "$NGINX/nginx.pid" nginx; then
    say "stopping nginx"
    STOPPED_PORTS+=("$HTTP_PORT" "$HTTPS_PORT" "$HTTPS_NAMED_PORT")
    nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log" -s quit || true
    local i
    for i in $(seq 50); do pid_alive "$NGINX/nginx.pid" nginx || break; sleep 0.2; done
  fi
}

# ---------------------------------------------------------------------------------------- env

write_env() {
  local tmp="$ENV_FILE.new"
  cat > "$tmp" <<EOF
PARLEY_REAL_SERVERS_DIR=$STATE
PARLEY_REAL_IMAP=$HOST:$IMAP_PORT
PARLEY_REAL_IMAPS=$HOST:$IMAPS_PORT
PARLEY_REAL_POP3=$HOST:$POP3_PORT
PARLEY_REAL_POP3S=$HOST:$POP3S_PORT
PARLEY_REAL_SMTP=$HOST:$SMTP_PORT
PARLEY_REAL_HTTP=$HOST:$HTTP_PORT
PARLEY_REAL_HTTPS=$HOST:$HTTPS_PORT
PARLEY_REAL_HTTPS_NAMED=$HOST:$HTTPS_NAMED_PORT
PARLEY_REAL_CA=$TLS/ca.pem
PARLEY_REAL_TRUSTSTORE=$TLS/truststore.p12
PARLEY_REAL_TRUSTSTORE_PASSWORD=$TRUSTSTORE_PASSWORD
PARLEY_PG_URL=jdbc:postgresql://$HOST:$PG_PORT/parley
PARLEY_PG_USER=parley
PARLEY_PG_PASSWORD=parley
EOF
  chmod 644 "$tmp"
  mv "$tmp" "$ENV_FILE"
  # Same keys as a Java properties file (values hold no characters that need escaping).
  { echo "# Written by scripts/real-servers.sh start"; cat "$ENV_FILE"; } > "$PROPS_FILE.new"
  chmod 644 "$PROPS_FILE.new"
  mv "$PROPS_FILE.new" "$PROPS_FILE"
}

# ---------------------------------------------------------------------------------------- commands

cmd_start() {
  need_root start
  local p
  for p in "${PACKAGES[@]}"; do
    is_installed "$p" || die "package $p is not installed; run: $0 install"
  done
  mkdir -p "$STATE" "$LOG"
  chown root:root "$STATE"
  chmod 755 "$STATE" "$LOG"
  make_tls
  make_mail
  start_postgres
  start_nginx
  start_dovecot
  start_postfix
  write_env
  say "all servers up; env: $ENV_FILE"
}

cmd_stop() {
  need_root stop
  [ -d "$STATE" ] || { say "nothing to stop ($STATE does not exist)"; return 0; }
  STOPPED_PORTS=()
  if command -v postfix >/dev/null 2>&1; then stop_postfix; fi
  if command -v dovecot >/dev/null 2>&1; then stop_dovecot; fi
  if command -v nginx >/dev/null 2>&1; then stop_nginx; fi
  if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then stop_postgres; fi
  if [ "${#STOPPED_PORTS[@]}" -gt 0 ]; then
    wait_ports_closed 10 "${STOPPED_PORTS[@]}"
    say "stopped"
  else
    say "nothing of $STATE was running"
  fi
}

cmd_status() {
  local down=0 line name port
  for line in imap:$IMAP_PORT imaps:$IMAPS_PORT pop3:$POP3_PORT pop3s:$POP3S_PORT \
              smtp:$SMTP_PORT http:$HTTP_PORT https:$HTTPS_PORT https-named:$HTTPS_NAMED_PORT \
              postgresql:$PG_PORT; do
    name=${line%%:*}
    port=${line##*:}
    if port_answers "$port"; then
      printf '  %-11s %s:%-5s up\n' "$name" "$HOST" "$port"
    else
      printf '  %-11s %s:%-5s DOWN\n' "$name" "$HOST" "$port"
      down=1
    fi
  done
  printf '  state dir   %s\n' "$STATE"
  [ -f "$ENV_FILE" ] && printf '  env file    %s\n' "$ENV_FILE"
  return $((down * 3))
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reseed) cmd_reseed ;;
  *) echo "usage: $0 install|start|stop|status|reseed" >&2; exit 2 ;;
esac
