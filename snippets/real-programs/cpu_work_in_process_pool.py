"""CPU-bound work in a process pool: the loop stays free while it runs."""
# Real clock: a process pool runs in other processes, outside the virtual clock

import asyncio
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit):  # pure computation: holds a CPU, never awaits
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        jobs = [
            loop.run_in_executor(pool, count_primes, n) for n in (1000, 2000)
        ]
        print("primes below 1000, 2000:", await asyncio.gather(*jobs))


if __name__ == "__main__":  # the pool's processes import this file
    asyncio.run(main())
