"""A process pool sends the function to another process: it must pickle."""
# Real clock: a process pool runs in other processes, outside the virtual clock

import asyncio
from concurrent.futures import ProcessPoolExecutor


async def main():
    loop = asyncio.get_running_loop()

    def scale(price):  # defined inside main(): another process cannot import it
        return price * 2

    with ProcessPoolExecutor(max_workers=2) as pool:
        for func in (scale, lambda price: price * 2):
            try:
                await loop.run_in_executor(pool, func, 10)
            except Exception as exc:
                print(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    asyncio.run(main())
