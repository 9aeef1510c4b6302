"""Several tasks await one Future; one set_result() wakes them all."""

import asyncio


async def render_page(name, config, loop, start):
    settings = await config  # waits until someone sets the result
    print(f"t={loop.time() - start:.1f} {name} renders in {settings['theme']}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    config = loop.create_future()
    pages = [
        asyncio.create_task(render_page(name, config, loop, start))
        for name in ("home", "about")
    ]
    await asyncio.sleep(0.5)  # loading the configuration
    config.set_result({"theme": "dark"})
    await asyncio.gather(*pages)


asyncio.run(main())
