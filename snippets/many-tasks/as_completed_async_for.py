"""From 3.13, `async for` over as_completed yields your tasks as they finish."""

import asyncio


async def resize_image(name, delay):
    await asyncio.sleep(delay)
    return f"{name} resized"


async def main():
    images = [("cat.png", 0.3), ("dog.png", 0.1), ("owl.png", 0.2)]
    tasks = [
        asyncio.create_task(resize_image(name, delay), name=name)
        for name, delay in images
    ]
    try:
        async for task in asyncio.as_completed(tasks):
            print(
                f"{task.get_name()}: {task.result()}; "
                f"one of my tasks? {task in tasks}"
            )
    except TypeError as e:
        # before 3.13, as_completed returns a plain generator
        print(f"TypeError: {e}")
        await asyncio.gather(*tasks)


asyncio.run(main())
