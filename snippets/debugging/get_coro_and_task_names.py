"""Names, get_coro() and all_tasks() tell you which task is which as it runs."""

import asyncio
import inspect


async def sync_inventory(shop):
    me = asyncio.current_task()
    print(f"{me.get_name()} runs {me.get_coro().__qualname__}() for {shop}")
    await asyncio.sleep(1)


async def main():
    shop_a = asyncio.create_task(sync_inventory("shop-a"), name="sync-shop-a")
    shop_b = asyncio.create_task(sync_inventory("shop-b"))  # default name
    await asyncio.sleep(0.1)
    shop_b.set_name("sync-shop-b")
    names = sorted(task.get_name() for task in asyncio.all_tasks())
    print("all_tasks():", names)
    coro = shop_a.get_coro()
    print("shop-a coroutine:", inspect.getcoroutinestate(coro))
    await asyncio.gather(shop_a, shop_b)
    print("shop-a coroutine:", inspect.getcoroutinestate(coro))


asyncio.run(main())
