#!/usr/bin/env python3
"""A local SMTP sink for tests of the e-mail reminders (standard library only).

    python3 tests/http/smtpsink.py DIR [--host 127.0.0.1] [--port 0] [--refuse-rcpt SUBSTR]

Listens on HOST:PORT (port 0: an ephemeral one), prints the port on the first line of stdout
and flushes, then stores every message it accepts in DIR as NNNN.eml (the DATA exactly as sent,
dot-stuffing undone, CRLF kept) with NNNN.json beside it: {"mail_from", "rcpt_to": [...],
"auth_user"}. Both files appear atomically (written then renamed), the .json last, so a test
can wait for the .json. Speaks EHLO/HELO, AUTH PLAIN/LOGIN (any credentials accepted; the
password is never stored), MAIL, RCPT (550 for recipients containing --refuse-rcpt), DATA,
RSET, NOOP, QUIT. No STARTTLS: configure the sender with TLS off. Stops on SIGTERM or SIGINT.

From Python tests:
    p = subprocess.Popen([sys.executable, "tests/http/smtpsink.py", d], stdout=subprocess.PIPE, text=True)
    port = int(p.stdout.readline())
"""
import argparse
import asyncio
import base64
import json
import os
import signal
import sys


class Sink:
    def __init__(self, folder, refuse):
        self.folder = folder
        self.refuse = refuse
        self.count = len([n for n in os.listdir(folder) if n.endswith(".json")])

    def store(self, envelope, data):
        self.count += 1
        base = os.path.join(self.folder, "%04d" % self.count)
        for ext, content in ((".eml", data), (".json", json.dumps(envelope, ensure_ascii=False).encode())):
            with open(base + ext + ".tmp", "wb") as f:
                f.write(content)
            os.replace(base + ext + ".tmp", base + ext)

    async def session(self, reader, writer):
        def say(line):
            writer.write(line.encode() + b"\r\n")

        envelope = {"mail_from": None, "rcpt_to": [], "auth_user": None}
        say("220 smtpsink ESMTP")
        try:
            while True:
                raw = await asyncio.wait_for(reader.readline(), 60)
                if not raw:
                    break
                line = raw.rstrip(b"\r\n").decode("utf-8", "replace")
                verb = line[:4].upper()
                if verb in ("EHLO", "HELO"):
                    say("250-smtpsink" if verb == "EHLO" else "250 smtpsink")
                    if verb == "EHLO":
                        say("250-8BITMIME")
                        say("250-SMTPUTF8")
                        say("250 AUTH PLAIN LOGIN")
                elif verb == "AUTH":
                    envelope["auth_user"] = await self.auth(line, reader, say)
                    say("235 2.7.0 accepted")
                elif verb == "MAIL":
                    envelope = {"mail_from": addr(line), "rcpt_to": [], "auth_user": envelope["auth_user"]}
                    say("250 2.1.0 ok")
                elif verb == "RCPT":
                    to = addr(line)
                    if self.refuse and self.refuse in to:
                        say("550 5.1.1 refused by smtpsink")
                    else:
                        envelope["rcpt_to"].append(to)
                        say("250 2.1.5 ok")
                elif verb == "DATA":
                    if not envelope["rcpt_to"]:
                        say("503 5.5.1 no recipients")
                        continue
                    say("354 end with <CRLF>.<CRLF>")
                    await writer.drain()
                    data = await self.data(reader)
                    self.store(envelope, data)
                    say("250 2.0.0 stored")
                    envelope = {"mail_from": None, "rcpt_to": [], "auth_user": envelope["auth_user"]}
                elif verb == "RSET":
                    envelope = {"mail_from": None, "rcpt_to": [], "auth_user": envelope["auth_user"]}
                    say("250 2.0.0 ok")
                elif verb == "NOOP":
                    say("250 2.0.0 ok")
                elif verb == "QUIT":
                    say("221 2.0.0 bye")
                    break
                else:
                    say("502 5.5.2 not implemented")
                await writer.drain()
        except (asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    @staticmethod
    async def auth(line, reader, say):
        """The user name of AUTH PLAIN (inline or on the next line) or AUTH LOGIN."""
        parts = line.split()
        mech = parts[1].upper() if len(parts) > 1 else ""

        async def ask(prompt):
            say("334 " + prompt)
            return (await reader.readline()).strip()

        try:
            if mech == "PLAIN":
                blob = parts[2] if len(parts) > 2 else await ask("")
                fields = base64.b64decode(blob).split(b"\0")
                return fields[1].decode("utf-8", "replace") if len(fields) == 3 else None
            if mech == "LOGIN":
                user = parts[2] if len(parts) > 2 else await ask("VXNlcm5hbWU6")
                await ask("UGFzc3dvcmQ6")  # read and forgotten
                return base64.b64decode(user).decode("utf-8", "replace")
        except (ValueError, IndexError):
            pass
        return None

    @staticmethod
    async def data(reader):
        out = []
        while True:
            raw = await asyncio.wait_for(reader.readline(), 60)
            if not raw or raw in (b".\r\n", b".\n"):
                break
            out.append(raw[1:] if raw.startswith(b".") else raw)
        return b"".join(out)


def addr(line):
    """The address of MAIL FROM:<a> or RCPT TO:<a> (parameters after it ignored)."""
    rest = line.split(":", 1)[1].strip() if ":" in line else ""
    if rest.startswith("<"):
        return rest[1:rest.find(">")] if ">" in rest else rest[1:]
    return rest.split()[0] if rest else ""


async def main():
    ap = argparse.ArgumentParser(description="Local SMTP sink that stores messages as files.")
    ap.add_argument("folder")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--refuse-rcpt", default="", help="550 for recipients containing this")
    args = ap.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    sink = Sink(args.folder, args.refuse_rcpt)
    server = await asyncio.start_server(sink.session, args.host, args.port)
    print(server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except BrokenPipeError:
        sys.exit(0)
