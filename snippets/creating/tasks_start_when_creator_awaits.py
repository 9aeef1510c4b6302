"""New tasks wait, in creation order, until their creator awaits something."""

import asyncio

started = []


async def resize_image(name):
    started.append(name)
    await asyncio.sleep(0.1)


async def main():
    tasks = [asyncio.create_task(resize_image(n)) for n in ("a.png", "b.png")]
    total = sum(range(1_000_000))  # synchronous work: no task can run meanwhile
    print(f"main: computed {total}, started so far: {started}")
    # main() suspends once: both tasks get their first step
    await asyncio.sleep(0)
    print(f"main: after one await, started: {started}")
    await asyncio.gather(*tasks)


asyncio.run(main())
