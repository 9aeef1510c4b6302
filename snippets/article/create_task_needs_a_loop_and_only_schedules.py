"""create_task() needs a running loop, and only schedules the coroutine."""

import asyncio


async def send_email():
    print("  send_email: started")
    return "sent"


async def main():
    task = asyncio.create_task(send_email())
    print("main: task created, done =", task.done())
    await asyncio.sleep(0)  # give control to the loop once
    print("main: after one yield, done =", task.done())


coro = send_email()
try:
    asyncio.create_task(coro)  # plain code: no loop is running
except RuntimeError as e:
    print(f"outside a loop: {type(e).__name__}: {e}")
    coro.close()  # never ran: close it to avoid a 'never awaited' warning
asyncio.run(main())
