"""Questions for the reading pool sent a few at a time: each asker gets its own answer (or its
own exception), a batch never waits for company longer than `wait`, and askers with other
shared arguments never share a trip."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from monitor.run.batches import Batches
from monitor.run.workers import reading_pool


class CountingPool(ThreadPoolExecutor):
    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.trips: list[int] = []

    def submit(self, fn, /, *args, **kwargs):
        self.trips.append(len(fn.args[1]))  # partial(answer_each, fn, calls, shared)
        return super().submit(fn, *args, **kwargs)


def scaled(value: int, factor: int = 1) -> int:
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value * factor


@pytest.fixture
def pool():
    with CountingPool() as p:
        yield p


async def test_each_asker_gets_its_own_answer_in_trips_of_at_most_size(pool):
    batches = Batches(pool, scaled, size=8, wait=0.05)
    answers = await asyncio.gather(*(batches.call(i, factor=3) for i in range(20)))
    assert answers == [3 * i for i in range(20)]
    assert pool.trips == [8, 8, 4]


async def test_a_failing_call_fails_only_its_asker(pool):
    batches = Batches(pool, scaled)
    answers = await asyncio.gather(
        *(batches.call(i) for i in (1, -2, 3)), return_exceptions=True
    )
    assert answers[0] == 1 and answers[2] == 3
    assert isinstance(answers[1], ValueError) and "negative: -2" in str(answers[1])
    assert pool.trips == [3]


async def test_a_lone_question_is_sent_after_the_wait(pool):
    batches = Batches(pool, scaled, size=8, wait=0.02)
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await asyncio.wait_for(batches.call(7), timeout=2) == 7
    assert 0.015 <= loop.time() - started < 1
    assert pool.trips == [1]


async def test_other_shared_arguments_go_in_another_trip(pool):
    batches = Batches(pool, scaled, size=8, wait=0.05)
    answers = await asyncio.gather(
        batches.call(1, factor=2), batches.call(2, factor=2), batches.call(3, factor=5)
    )
    assert answers == [2, 4, 15]
    assert pool.trips == [2, 1]


async def test_a_cancelled_asker_leaves_the_others_their_answers(pool):
    batches = Batches(pool, scaled, size=8, wait=0.05)
    first = asyncio.ensure_future(batches.call(1))
    second = asyncio.ensure_future(batches.call(2))
    await asyncio.sleep(0)
    first.cancel()
    assert await second == 2
    assert first.cancelled()


async def test_a_pool_that_refuses_work_fails_every_asker():
    pool = ThreadPoolExecutor(max_workers=1)
    pool.shutdown()
    batches = Batches(pool, scaled)
    answers = await asyncio.gather(batches.call(1), batches.call(2), return_exceptions=True)
    assert all(isinstance(a, RuntimeError) for a in answers)


async def test_through_the_reading_processes():
    with reading_pool() as pool:
        batches = Batches(pool, scaled, size=4, wait=0.01)
        answers = await asyncio.gather(*(batches.call(i, factor=2) for i in range(10)))
    assert answers == [2 * i for i in range(10)]
