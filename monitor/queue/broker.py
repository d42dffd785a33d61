"""The broker behind `queue: url:` and the one kind of message on it: "check source S".

Dramatiq (optional extra `scale`) is imported only when a queue is used: the embedded default
needs neither it nor a broker. Its messages are acknowledged only after the task returned (late
ack), so a worker killed mid-check leaves its message to the broker, which hands it to another
worker: RabbitMQ at once (the dead worker's connection closes), Redis once the dead worker's
heartbeat is older than REDIS_HEARTBEAT_MS.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from monitor.errors import QueueError

ACTOR = "check_source"
CLIENTS = {"amqp": "pika", "amqps": "pika", "redis": "redis", "rediss": "redis"}
REDIS_HEARTBEAT_MS = 30_000
REDIS_MAINTENANCE = 100_000  # in a million fetches: how often a worker requeues dead ones' work
TIME_LIMIT_MS = 6 * 3600 * 1000  # a check is never cut short by the engine (Dramatiq's is 10 min)
RETRIES = 3  # a check that raised (a bug, the store busy for too long) is tried again
RETRY_BACKOFF_MS = 5_000



def shown(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    return url.replace(f":{parts.password}@", ":***@") if parts.password else url


def check_broker_url(url: str) -> str:
    """Validate `queue.url`: a scheme we speak, and its client library installed."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in CLIENTS:
        raise ValueError(
            f"{shown(url)}: use amqp://user:password@host:5672/vhost (RabbitMQ) or "
            "redis://host:6379/0 (Redis)"
        )
    for module in ("dramatiq", CLIENTS[scheme]):
        if importlib.util.find_spec(module) is None:
            raise ValueError(
                f"a queue needs {module}: install the `scale` extra (pip install 'monitor[scale]')"
            )
    return url


def make_broker(url: str) -> Any:
    """A Dramatiq broker for the URL (connections are opened when first used)."""
    if urlsplit(url).scheme.lower().startswith("amqp"):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        # our message says what failed; pika's tracebacks would bury it
        logging.getLogger("pika").setLevel(logging.CRITICAL)
        return RabbitmqBroker(url=pika_url(url))
    from dramatiq.brokers.redis import RedisBroker

    return RedisBroker(
        url=url, heartbeat_timeout=REDIS_HEARTBEAT_MS, maintenance_chance=REDIS_MAINTENANCE
    )


def pika_url(url: str) -> str:
    """`amqp://host//` (the default virtual host `/`, as Celery and kombu write it) in pika's
    spelling, `amqp://host/%2F`; pika would read an empty virtual host there."""
    parts = urlsplit(url)
    return parts._replace(path="/%2F").geturl() if parts.path == "//" else url


def declare(broker: Any, queue: str, run: Callable[..., None] | None = None) -> Any:
    """The actor "check source S" on `queue`; `run` is what a worker does with a message (the
    side that only sends passes none)."""
    import dramatiq

    def never(*_args: object) -> None:
        raise QueueError("this process only sends checks; `monitor worker` runs them")

    return dramatiq.actor(
        run or never,
        broker=broker,
        actor_name=ACTOR,
        queue_name=queue,
        max_retries=RETRIES,
        min_backoff=RETRY_BACKOFF_MS,
        time_limit=TIME_LIMIT_MS,
    )


def unreachable(url: str, exc: BaseException) -> QueueError:
    return QueueError(
        f"cannot reach the queue at {shown(url)} ({type(exc).__name__}: {exc}); start the "
        "broker, or fix `queue.url` in config.yaml, or remove `queue:` to check in this process"
    )
