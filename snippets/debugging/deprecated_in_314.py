"""Python 3.14 deprecates the policy API and asyncio.iscoroutinefunction."""

import asyncio
import inspect
import warnings


async def fetch_price(symbol):
    return 42.0


warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(None)
    asyncio.iscoroutinefunction(fetch_price)
    inspect.iscoroutinefunction(fetch_price)  # the replacement: silent
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print(f"warnings: {len(caught)}")
