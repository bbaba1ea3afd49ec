"""Real SMTP servers on loopback: one (aiosmtpd) that records what it receives and can be told to
misbehave, and one that accepts connections and never answers."""

import asyncio
import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingHandler:
    def __init__(self):
        self.messages = []
        self.refuse = {}  # address -> SMTP reply, e.g. "550 5.1.1 No such user"
        self.delay_after_data = 0  # seconds between storing a message and answering for it
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        if self.delay_after_data:
            await asyncio.sleep(self.delay_after_data)  # stored, but the client hears nothing yet
        return "250 Message accepted"

    def recipients(self):
        with self.lock:
            return sorted(address for rcpt_tos, _message in self.messages for address in rcpt_tos)


class SMTPServer:
    def __init__(self, port=None):
        self.handler = RecordingHandler()
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


class HungServer:
    """Accepts TCP connections and never says a word, like a mail server stuck under load."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.stopping = threading.Event()

    def _accept(self):
        self.listener.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                continue

    def __enter__(self):
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join(5)
        for connection in self.held:
            connection.close()
        self.listener.close()
