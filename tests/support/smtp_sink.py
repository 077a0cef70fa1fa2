#!/usr/bin/python3
"""A throwaway SMTP server for attune's tests (aiosmtpd, Debian's python3-aiosmtpd).

Listens on a free loopback port, prints "port N" on stdout, and writes each message it
accepts to OUT_DIR as NNNN.json: the envelope, the raw message as received (after the
DATA phase's dot-unstuffing) and what Python's own e-mail parser reads from it (decoded
subject, body and content type), so a test checks the mailer against an independent
implementation. Runs until its stdin closes (the test ended) or SIGTERM.

Usage: smtp_sink.py OUT_DIR [--refuse-recipients]
"""
import asyncio
import json
import os
import sys
from email import message_from_bytes, policy

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, out_dir, refuse_recipients):
        self.out_dir = out_dir
        self.refuse_recipients = refuse_recipients
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_recipients:
            # Echoes the address, as real servers do: the mailer must not log it.
            return f"550 5.1.1 <{address}>: no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        parsed = message_from_bytes(raw, policy=policy.default)
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_to": envelope.rcpt_tos,
            "smtputf8": "SMTPUTF8" in [o.upper() for o in envelope.mail_options],
            "raw": raw.decode("utf-8", errors="replace"),
            "subject": str(parsed["subject"] or ""),
            "content_type": parsed.get_content_type(),
            "charset": parsed.get_content_charset() or "",
            "body": parsed.get_content(),
        }
        path = os.path.join(self.out_dir, f"{self.count:04d}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)  # whole files only: the test polls the directory
        return "250 2.0.0 Accepted"


async def main():
    out_dir = sys.argv[1]
    sink = Sink(out_dir, "--refuse-recipients" in sys.argv[2:])
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.test", enable_SMTPUTF8=True),
        host="127.0.0.1",
        port=0,
    )
    print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
    stop = loop.create_future()
    loop.add_reader(sys.stdin.fileno(), lambda: stop.done() or stop.set_result(None))
    await stop
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
