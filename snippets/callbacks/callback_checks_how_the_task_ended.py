"""In a done callback, result() raises if the task failed: check it first."""

import asyncio


async def fetch_price(symbol):
    await asyncio.sleep(0.1)
    if symbol == "NOPE":
        raise LookupError(f"unknown symbol {symbol!r}")
    return 42.5


def print_price(task):  # assumes the task succeeded
    print(f"print_price: {task.result()}")


def report_price(task):  # checks how the task ended before reading it
    if task.cancelled():
        print(f"report_price: {task.get_name()} was cancelled")
    elif task.exception() is not None:
        print(f"report_price: {task.get_name()} failed: {task.exception()!r}")
    else:
        print(f"report_price: {task.get_name()} -> {task.result()}")


def show_loop_error(loop, context):
    print(f"handler: {context['message']}")
    print(f"handler: exception={context['exception']!r}")


async def main():
    asyncio.get_running_loop().set_exception_handler(show_loop_error)
    symbols = ("ACME", "NOPE", "GONE")
    tasks = [asyncio.create_task(fetch_price(s), name=s) for s in symbols]
    tasks[2].cancel()
    tasks[1].add_done_callback(print_price)
    for task in tasks:
        task.add_done_callback(report_price)
    await asyncio.wait(tasks)
    await asyncio.sleep(0)  # let the last callbacks run


asyncio.run(main())
