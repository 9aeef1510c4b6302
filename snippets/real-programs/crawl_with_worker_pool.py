"""A crawler: three workers take URLs from a Queue and add the links found."""

import asyncio
import time

START = time.monotonic()
SITE = {  # url: (seconds to download, links on the page)
    "/": (0.5, ["/blog", "/shop", "/about"]),
    "/blog": (0.7, ["/blog/1", "/blog/2", "/"]),
    "/shop": (0.4, ["/shop/cart", "/"]),
    "/about": (0.2, ["/"]),
    "/blog/1": (0.3, ["/blog"]),
    "/blog/2": (0.5, None),  # this one fails to download
    "/shop/cart": (0.9, ["/shop"]),
}


async def fetch(url):
    seconds, links = SITE[url]
    await asyncio.sleep(seconds)  # stands for the network
    if links is None:
        raise ConnectionError(f"{url}: connection reset")
    return links


async def worker(name, queue, seen):
    while True:
        url = await queue.get()
        try:
            links = await fetch(url)
            print(f"t={time.monotonic() - START:.1f} {name} fetched {url}")
            for link in links:
                if link not in seen:
                    seen.add(link)
                    queue.put_nowait(link)
        except Exception as error:  # one bad page must not end the worker
            print(f"t={time.monotonic() - START:.1f} {name} failed: {error!r}")
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    seen = {"/"}
    queue.put_nowait("/")
    workers = [
        asyncio.create_task(worker(f"worker-{n}", queue, seen))
        for n in (1, 2, 3)
    ]
    await queue.join()  # every URL put in the queue has been handled
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(f"crawled {len(seen)} pages")


asyncio.run(main())
