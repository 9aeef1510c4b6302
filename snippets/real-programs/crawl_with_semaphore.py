"""Crawl seven pages, at most three downloads at a time, with a Semaphore."""

import asyncio
import time

START = time.monotonic()
in_flight = 0
most_in_flight = 0


async def fetch(url):
    global in_flight, most_in_flight
    in_flight += 1
    most_in_flight = max(most_in_flight, in_flight)
    print(f"t={time.monotonic() - START:.1f} fetching {url}")
    await asyncio.sleep(1)  # stands for the network
    in_flight -= 1
    return f"<html of {url}>"


async def crawl(url, limit):
    async with limit:  # waits here while three others hold the semaphore
        return await fetch(url)


async def main():
    limit = asyncio.Semaphore(3)
    urls = [f"/page/{n}" for n in range(1, 8)]
    pages = await asyncio.gather(*(crawl(url, limit) for url in urls))
    print(f"t={time.monotonic() - START:.1f} crawled {len(pages)} pages")
    print("most downloads at once:", most_in_flight)


asyncio.run(main())
