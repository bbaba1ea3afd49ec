"""An SMTP server for benchmarks, in a process of its own: it takes every message and counts it.

python -m tests.smtp_sink PORT     (prints "ready" once listening; SIGTERM stops it)
"""

import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Counting:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += len(envelope.rcpt_tos)
        return "250 OK"


def main():
    port = int(sys.argv[1])
    controller = Controller(Counting(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
