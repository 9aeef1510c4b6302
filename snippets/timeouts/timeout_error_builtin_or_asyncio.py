"""`except TimeoutError` catches asyncio's timeout only from Python 3.11 on."""

import asyncio


async def main():
    same_class = asyncio.TimeoutError is TimeoutError
    print(f"asyncio.TimeoutError is TimeoutError: {same_class}")
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.1)
    except TimeoutError:
        print("caught by `except TimeoutError` (the built-in)")
    except asyncio.TimeoutError:
        print(
            "missed by `except TimeoutError`; "
            "`except asyncio.TimeoutError` got it"
        )


asyncio.run(main())
