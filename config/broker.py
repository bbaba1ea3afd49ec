"""Celery's broker on the filesystem, for development without Redis: kombu's own transport, which
expects its folders to exist, with the folders made when a connection first opens a channel (never
when the settings are read: `manage.py check` on a read-only machine must not write)."""

from pathlib import Path

from kombu.transport import filesystem


class Channel(filesystem.Channel):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for folder in (self.data_folder_in, self.data_folder_out, self.processed_folder, self.control_folder):
            Path(folder).mkdir(parents=True, exist_ok=True)


class Transport(filesystem.Transport):
    Channel = Channel
