"""get_event_loop() with no loop: a new loop, a warning, or RuntimeError."""

import asyncio
import warnings


async def main():
    same = asyncio.get_event_loop() is asyncio.get_running_loop()
    print(f"inside a coroutine: the running loop? {same}")


warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    try:
        loop = asyncio.get_event_loop()
        print(f"outside: got a new loop, running={loop.is_running()}")
        loop.close()
    except RuntimeError as error:
        print(f"outside: RuntimeError: {error}")
for warning in caught:
    print(f"  {warning.category.__name__}: {warning.message}")
asyncio.run(main())
try:
    asyncio.get_event_loop()
except RuntimeError as error:
    print(f"after asyncio.run(): RuntimeError: {error}")
