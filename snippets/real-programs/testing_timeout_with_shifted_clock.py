"""Test a timeout without waiting: the test moves the loop's clock forward."""

import asyncio
import unittest


async def price_or_cached(fetch, cached, timeout=5.0):
    try:
        return await asyncio.wait_for(fetch(), timeout)
    except asyncio.TimeoutError:
        return cached


async def slow_exchange():
    await asyncio.sleep(60)  # a server that does not answer
    return 190.0


class TimeoutTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        loop = asyncio.get_running_loop()  # this test's own loop
        real_time = loop.time
        self.skipped = 0.0
        loop.time = lambda: real_time() + self.skipped  # timers follow it
        # the test's loop runs in debug mode, which would log each jump
        # as a step that "took 4.900 seconds"
        loop.slow_callback_duration = float("inf")

    async def test_falls_back_after_five_seconds(self):
        task = asyncio.create_task(price_or_cached(slow_exchange, 189.5))
        await asyncio.sleep(0)  # let it start and arm its timeout
        self.skipped += 4.9
        await asyncio.sleep(0)
        self.assertFalse(task.done())  # 4.9 s: still waiting
        self.skipped += 0.1
        self.assertEqual(await task, 189.5)  # 5 s: timed out, cached price


for test in unittest.defaultTestLoader.loadTestsFromTestCase(TimeoutTest):
    result = unittest.TestResult()
    test.run(result)
    for _, traceback in result.failures + result.errors:
        print(traceback)
    print(f"{test.id()}: {'ok' if result.wasSuccessful() else 'FAILED'}")
