# Requires Python 3.14+
"""capture_call_graph() gives the graph as data, format_call_graph() as text."""

import asyncio


async def check_stock(item):
    graph: asyncio.FutureCallGraph = asyncio.capture_call_graph()  # this task
    print(f"{type(graph).__name__} of {graph.future.get_name()}:")
    for entry in graph.call_stack:  # innermost first
        assert isinstance(entry, asyncio.FrameCallGraphEntry)
        print(f"  {type(entry).__name__}: {entry.frame.f_code.co_name}()")
    for waiter in graph.awaited_by:
        print(f"  awaited by {waiter.future.get_name()}")
    return item


async def place_order(item):
    return await check_stock(item)


async def main():
    orders = [
        asyncio.create_task(place_order(item), name=f"order-{item}")
        for item in ("pen", "ink")
    ]
    print(await asyncio.gather(*orders))
    print(asyncio.format_call_graph())


asyncio.run(main())
