"""wait() wants tasks: a coroutine is deprecated, then a TypeError from 3.11."""

import asyncio


async def ping(host):
    await asyncio.sleep(0.1)
    return f"{host} is up"


async def main():
    coro = ping("db")
    try:
        done, _ = await asyncio.wait([coro])
        print("coroutine accepted:", done.pop().result())
    except TypeError as e:
        print(f"TypeError: {e}")
        # it never started; closing it avoids a "never awaited" warning
        coro.close()
    task = asyncio.create_task(ping("cache"))
    done, _ = await asyncio.wait([task])
    print("task accepted:", done.pop().result())


asyncio.run(main())
