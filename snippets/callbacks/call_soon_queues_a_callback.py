"""loop.call_soon() queues a plain function to run after this step, FIFO."""

import asyncio


def send_email(address, subject):
    print(f"email to {address}: {subject}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(send_email, "ana@example.com", "Welcome")
    handle = loop.call_soon(send_email, "bo@example.com", "Reminder")
    loop.call_soon(send_email, "cy@example.com", "Invoice")
    handle.cancel()  # a queued callback can still be called off
    print(f"queued; main keeps running; handle is a {type(handle).__name__}")
    await asyncio.sleep(0)  # yield: the loop runs the queue in order
    print("main resumes")


asyncio.run(main())
