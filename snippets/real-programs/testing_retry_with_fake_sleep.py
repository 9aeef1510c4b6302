"""Test a retry's back-off without waiting: a fake sleep records each delay."""

import asyncio
import unittest
from unittest import mock

real_sleep = asyncio.sleep


async def fetch_with_retry(fetch, tries=4, delay=1.0):
    for attempt in range(1, tries + 1):
        try:
            return await fetch()
        except ConnectionError:
            if attempt == tries:
                raise
            await asyncio.sleep(delay)
            delay *= 2  # back off: 1 s, 2 s, 4 s


class RetryTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.delays = []

        async def fake_sleep(seconds, result=None):
            self.delays.append(seconds)
            return await real_sleep(0, result)  # still lets other tasks run

        patcher = mock.patch("asyncio.sleep", fake_sleep)
        patcher.start()
        self.addCleanup(patcher.stop)

    async def test_backs_off_then_succeeds(self):
        fetch = mock.AsyncMock(
            side_effect=[ConnectionError, ConnectionError, 42]
        )
        self.assertEqual(await fetch_with_retry(fetch), 42)
        self.assertEqual(self.delays, [1.0, 2.0])

    async def test_gives_up_after_four_tries(self):
        fetch = mock.AsyncMock(side_effect=ConnectionError)
        loop = asyncio.get_running_loop()
        start = loop.time()
        with self.assertRaises(ConnectionError):
            await fetch_with_retry(fetch)
        self.assertLess(loop.time() - start, 0.5)  # 7 s of back-off, no wait
        self.assertEqual(fetch.await_count, 4)
        self.assertEqual(self.delays, [1.0, 2.0, 4.0])


for test in unittest.defaultTestLoader.loadTestsFromTestCase(RetryTest):
    result = unittest.TestResult()
    test.run(result)
    for _, traceback in result.failures + result.errors:
        print(traceback)
    print(f"{test.id()}: {'ok' if result.wasSuccessful() else 'FAILED'}")
