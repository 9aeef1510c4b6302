"""Test code that uses tasks with unittest.IsolatedAsyncioTestCase."""

import asyncio
import io
import unittest


async def fetch_all(urls, limit):
    semaphore = asyncio.Semaphore(limit)

    async def fetch(url):
        async with semaphore:
            await asyncio.sleep(0.1)
            return url.upper()

    return await asyncio.gather(*(fetch(url) for url in urls))


class FetchAllTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):  # runs in the test's own event loop
        self.loop = asyncio.get_running_loop()

    async def test_results_keep_order(self):
        self.assertEqual(await fetch_all(["a", "b"], limit=1), ["A", "B"])

    async def test_limit_serialises(self):
        start = self.loop.time()
        await fetch_all(["a", "b", "c"], limit=1)
        # three 0.1 s fetches, one at a time
        self.assertGreater(self.loop.time() - start, 0.29)

    async def test_times_out(self):
        with self.assertRaises(asyncio.TimeoutError):
            await asyncio.wait_for(fetch_all(["a"] * 5, limit=1), timeout=0.2)


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
result = runner.run(
    unittest.defaultTestLoader.loadTestsFromTestCase(FetchAllTest)
)
for line in stream.getvalue().splitlines():
    if line.startswith("test_"):
        print(line)
print(f"ran {result.testsRun}, failures {len(result.failures)}")
