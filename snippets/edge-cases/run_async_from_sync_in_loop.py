"""Sync code called from a coroutine cannot run async code: every way fails."""

import asyncio


async def fetch_rate(currency):
    await asyncio.sleep(0.1)
    return {"EUR": 1.08}[currency]


def try_to_run(name, run, coro):
    try:
        run(coro)
    except RuntimeError as exc:
        print(f"{name}: RuntimeError: {exc}")
    finally:
        coro.close()  # it never ran: close it to avoid "never awaited"


def price_in_usd(amount, currency):  # sync code, called from a coroutine
    try_to_run("asyncio.run()", asyncio.run, fetch_rate(currency))
    loop = asyncio.get_running_loop()
    try_to_run("same loop", loop.run_until_complete, fetch_rate(currency))
    second_loop = asyncio.new_event_loop()
    try:
        try_to_run(
            "second loop", second_loop.run_until_complete, fetch_rate(currency)
        )
    finally:
        second_loop.close()


async def main():
    price_in_usd(10, "EUR")


asyncio.run(main())
