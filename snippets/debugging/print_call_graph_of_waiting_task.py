# Requires Python 3.14+
"""print_call_graph() shows a task's whole await chain, and who awaits it."""

import asyncio


async def read_chunk(reply):
    return await reply  # the task waits here, two coroutines deep


async def download_report(reply):
    return await read_chunk(reply)


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    task = asyncio.create_task(download_report(reply), name="download-report")
    loop.call_later(0.1, asyncio.print_call_graph, task)
    loop.call_later(0.2, reply.set_result, "report.pdf")
    print(f"got {await task}")


asyncio.run(main())
