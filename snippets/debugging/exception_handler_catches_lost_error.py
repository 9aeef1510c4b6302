"""loop.set_exception_handler() receives errors nobody retrieved, as a dict."""

import asyncio
import gc


def report_to_monitoring(loop, context):
    task, error = context["future"], context["exception"]
    print("handler got:", context["message"], "| keys:", sorted(context))
    print("  task:", task.get_name(), "| exception:", repr(error))


async def send_invoice():
    raise ConnectionError("mail server down")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report_to_monitoring)
    task = asyncio.create_task(send_invoice(), name="send-invoice")
    await asyncio.sleep(0.1)
    print("send-invoice done:", task.done(), "- nobody retrieved its exception")
    del task
    gc.collect()  # the report comes when the task object is destroyed
    print("main: done")


asyncio.run(main())
